/* Draws the dashboard's charts with ECharts from the figures the page carries (#kpi-data). */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kpi-data").textContent);
  var BLUE = "#1664ff", GREEN = "#0f7b3f", ORANGE = "#d46b08";
  var base = { grid: { left: 48, right: 16, top: 28, bottom: 32, containLabel: true }, tooltip: { trigger: "axis" } };

  function bar(labels, values, name, color, horizontal) {
    var category = { type: "category", data: labels, axisLabel: { interval: 0, hideOverlap: true } };
    var value = { type: "value", minInterval: 1 };
    return Object.assign({}, base, {
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? Object.assign(category, { inverse: true }) : value,
      series: [{ type: "bar", name: name, data: values, itemStyle: { color: color || BLUE }, label: { show: true, position: horizontal ? "right" : "top" } }]
    });
  }
  function pct(x) { return (x * 100).toFixed(1) + "%"; }

  var options = {
    funnel: function () {
      return {
        tooltip: { formatter: function (p) { var s = data.funnel[p.dataIndex]; return s.step + "：" + s.clients + " 人<br>上一步转化 " + pct(s.conversion) + "<br>总转化 " + pct(s.overall); } },
        series: [{ type: "funnel", sort: "none", left: "2%", width: "58%", minSize: "8%", gap: 2,
          label: { formatter: function (p) { var s = data.funnel[p.dataIndex]; return s.step + " " + s.clients + (p.dataIndex ? " (" + pct(s.conversion) + ")" : ""); } },
          data: data.funnel.map(function (s) { return { name: s.step, value: s.clients }; }) }]
      };
    },
    leads: function () { return bar(data.leads.map(function (r) { return r.label; }), data.leads.map(function (r) { return r.leads; }), "新客户"); },
    deal_cycle: function () {
      var d = data.deal_cycle.distribution;
      return bar(d.map(function (r) { return r.bucket; }), d.map(function (r) { return r.clients; }), "客户数", GREEN);
    },
    overdue: function () {
      var rows = data.overdue.slice(0, 15);
      return bar(rows.map(function (r) { return r.salesperson; }), rows.map(function (r) { return r.overdue; }), "逾期客户", ORANGE, true);
    },
    sharing: function () {
      var d = data.sharing.daily;
      return Object.assign({}, base, {
        legend: { top: 0 },
        xAxis: { type: "category", data: d.map(function (r) { return r.day.slice(5); }) },
        yAxis: { type: "value", minInterval: 1 },
        series: [
          { type: "line", name: "浏览", data: d.map(function (r) { return r.views; }), smooth: true, itemStyle: { color: BLUE } },
          { type: "line", name: "分享带来的访问", data: d.map(function (r) { return r.shares; }), smooth: true, itemStyle: { color: GREEN } }
        ]
      });
    },
    forwarding: function () {
      return {
        tooltip: { trigger: "item", formatter: function (p) { var note = p.data.became || p.data.channel; return p.name + (note ? "（" + note + "）" : ""); } },
        series: [{ type: "tree", data: [data.forwarding.tree], top: 16, bottom: 16, left: 48, right: 96, orient: "LR",
          initialTreeDepth: -1, symbolSize: 8, expandAndCollapse: true, label: { position: "left", fontSize: 11 },
          leaves: { label: { position: "right" } } }]
      };
    },
    satisfaction: function () {
      var d = data.satisfaction.distribution;
      return bar(d.map(function (r) { return r.score + "分"; }), d.map(function (r) { return r.ratings; }), "评分次数", GREEN);
    },
    acquisition: function () {
      var rows = data.acquisition;
      return Object.assign({}, base, {
        legend: { top: 0 },
        xAxis: { type: "category", data: rows.map(function (r) { return r.label; }) },
        yAxis: [{ type: "value", name: "元" }, { type: "value", name: "ROI" }],
        series: [
          { type: "bar", name: "获客成本(元)", data: rows.map(function (r) { return r.cost_per_lead_yuan === null ? 0 : Number(r.cost_per_lead_yuan); }), itemStyle: { color: ORANGE } },
          { type: "line", name: "ROI", yAxisIndex: 1, data: rows.map(function (r) { return r.roi === null ? null : r.roi; }), itemStyle: { color: BLUE } }
        ]
      });
    },
    usage: function () {
      var h5 = data.usage.h5.daily, mp = data.usage.miniapp.daily;
      return Object.assign({}, base, {
        legend: { top: 0 },
        xAxis: { type: "category", data: h5.map(function (r) { return r.day.slice(5); }) },
        yAxis: { type: "value", minInterval: 1 },
        series: [
          { type: "line", name: "H5日活", data: h5.map(function (r) { return r.dau; }), itemStyle: { color: BLUE } },
          { type: "line", name: "小程序日活", data: mp.map(function (r) { return r.dau; }), itemStyle: { color: GREEN } }
        ]
      });
    },
    chat: function () {
      var rows = data.chat.intents.slice(0, 12);
      return bar(rows.map(function (r) { return r.label; }), rows.map(function (r) { return r.replies; }), "回复次数", BLUE, true);
    }
  };

  var charts = [];
  document.querySelectorAll("[data-chart]").forEach(function (el) {
    var build = options[el.getAttribute("data-chart")];
    if (!build || typeof echarts === "undefined") { return; }
    var chart = echarts.init(el, null, { renderer: "canvas" });
    chart.setOption(build());
    el.setAttribute("data-drawn", "true");
    charts.push(chart);
  });
  window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
})();
