/* H5 pages: share links, tracking beacons (clicks, dwell), the consultation form, gallery, panorama, JS-SDK. */
(function () {
  "use strict";
  var cfgNode = document.getElementById("h5-config");
  var cfg = cfgNode ? JSON.parse(cfgNode.textContent) : {};
  var queue = [];
  var HEARTBEAT_MS = 15000;
  var DWELL_CAP_MS = (cfg.dwellCapS || 1800) * 1000;
  window.h5 = { config: cfg, sent: 0 };

  function send(events) {
    if (!cfg.token || !events.length) return;
    var body = JSON.stringify({ t: cfg.token, e: events });
    window.h5.sent += events.length;
    var blob = new Blob([body], { type: "text/plain" });
    if (navigator.sendBeacon && navigator.sendBeacon(cfg.events, blob)) return;
    try { fetch(cfg.events, { method: "POST", body: body, keepalive: true, credentials: "same-origin" }); } catch (e) {}
  }
  function track(kind, target, value) {
    var e = { k: kind };
    if (target) e.x = target;
    if (value !== undefined) e.n = value;
    queue.push(e);
    if (queue.length >= 10) flush();
  }
  function flush() {
    var batch = queue.splice(0, 20);
    send(batch);
  }
  window.h5.track = track;
  window.h5.flush = flush;

  // Links to other H5 pages carry this view's token, so the visits they bring are its children.
  function withToken(href) {
    if (!cfg.token) return href;
    return href + (href.indexOf("?") < 0 ? "?" : "&") + "t=" + encodeURIComponent(cfg.token);
  }
  Array.prototype.forEach.call(document.querySelectorAll("a[data-carry]"), function (a) {
    a.setAttribute("href", withToken(a.getAttribute("href")));
  });

  document.addEventListener("click", function (ev) {
    var el = ev.target.closest ? ev.target.closest("[data-track]") : null;
    if (el) { track("click", el.getAttribute("data-track")); if (el.tagName === "A" && /^(tel:|https?:)/.test(el.getAttribute("href") || "")) flush(); }
  }, true);

  // Dwell: visible time only, reported as the running total of this view, capped.
  var visibleSince = document.visibilityState === "visible" ? Date.now() : null;
  var dwell = 0;
  var lastReported = -1;
  function dwellNow() { return Math.min(DWELL_CAP_MS, dwell + (visibleSince ? Date.now() - visibleSince : 0)); }
  function reportDwell() {
    var ms = dwellNow();
    if (ms === lastReported || ms <= 0) return;
    lastReported = ms;
    track("dwell", null, ms);
    flush();
  }
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") {
      if (visibleSince) { dwell += Date.now() - visibleSince; visibleSince = null; }
      reportDwell();
    } else if (!visibleSince) {
      visibleSince = Date.now();
    }
  });
  window.addEventListener("pagehide", function () { reportDwell(); flush(); });
  var beat = setInterval(function () {
    if (dwellNow() >= DWELL_CAP_MS) { reportDwell(); clearInterval(beat); return; }
    if (visibleSince) reportDwell();
  }, HEARTBEAT_MS);
  window.h5.reportDwell = reportDwell;

  // Gallery position.
  var track_ = document.getElementById("gallery");
  var index = document.getElementById("gallery-index");
  if (track_ && index) {
    track_.addEventListener("scroll", function () {
      index.textContent = String(Math.round(track_.scrollLeft / Math.max(1, track_.clientWidth)) + 1);
    }, { passive: true });
  }

  // 360° panorama: started when it scrolls into view (or at once without IntersectionObserver).
  var pano = document.getElementById("pano");
  function startPano() {
    if (!pano || window.h5.pano || !window.pannellum) return;
    try {
      var options = {
        type: "equirectangular", panorama: pano.getAttribute("data-src"), autoLoad: true, showControls: true,
        compass: false,
        strings: { loadingLabel: "加载中…", loadButtonLabel: "点击加载全景", noWebGLError: "当前浏览器不支持全景，请在微信或新版浏览器中打开" }
      };
      if (pano.getAttribute("data-title")) options.title = pano.getAttribute("data-title");
      window.h5.pano = window.pannellum.viewer(pano, options);
      window.h5.pano.on("load", function () { window.h5.panoLoaded = true; });
    } catch (e) { window.h5.panoError = String(e); }
  }
  if (pano) {
    if ("IntersectionObserver" in window) {
      new IntersectionObserver(function (entries, obs) {
        if (entries.some(function (e) { return e.isIntersecting; })) { obs.disconnect(); startPano(); }
      }, { rootMargin: "200px" }).observe(pano);
    } else { startPano(); }
  }

  // Consultation form.
  var form = document.getElementById("consult-form");
  if (form) {
    form.elements.t.value = cfg.token || "";
    var result = document.getElementById("consult-result");
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var phone = form.elements.phone.value.replace(/[\s-]/g, "");
      if (!/^(\+?86)?1[3-9]\d{9}$/.test(phone)) {
        result.className = "form-result error"; result.textContent = "请填写正确的手机号"; return;
      }
      var button = form.querySelector("button"); button.disabled = true;
      var data = { phone: form.elements.phone.value, name: form.elements.name.value, need: form.elements.need.value,
                   t: cfg.token, website: form.elements.website.value };
      fetch(form.getAttribute("action"), {
        method: "POST", credentials: "same-origin", body: JSON.stringify(data),
        headers: { "Content-Type": "application/json", "Accept": "application/json" }
      }).then(function (r) { return r.json().then(function (j) { return { ok: r.ok, body: j }; }); })
        .then(function (r) {
          result.className = "form-result " + (r.ok ? "ok" : "error");
          result.textContent = r.ok ? r.body.message : ((r.body.error && r.body.error.message) || "提交失败，请稍后再试");
          if (r.ok) form.reset(); else button.disabled = false;
        })
        .catch(function () { result.className = "form-result error"; result.textContent = "网络不太好，请稍后再试"; button.disabled = false; });
    });
  }

  // WeChat JS-SDK: the share card (title, cover, price). Shares themselves are counted from the visits they bring.
  function configure(wxConfig) {
    window.wx.config({ debug: false, appId: wxConfig.appId, timestamp: wxConfig.timestamp, nonceStr: wxConfig.nonceStr,
                       signature: wxConfig.signature, jsApiList: wxConfig.jsApiList, openTagList: ["wx-open-launch-weapp"] });
  }
  if (window.wx && cfg.share) {
    var here = location.href.split("#")[0];
    if (cfg.wx && cfg.wx.url === here) {
      configure(cfg.wx);
    } else {
      fetch(cfg.jssdk + "?url=" + encodeURIComponent(here), { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : null; }).then(function (c) { if (c) configure(c); });
    }
    window.wx.ready(function () {
      var card = { title: cfg.share.title, desc: cfg.share.desc, imgUrl: cfg.share.imgUrl };
      window.wx.updateAppMessageShareData(Object.assign({ link: cfg.share.link, success: function () { track("share", "chat"); flush(); } }, card));
      window.wx.updateTimelineShareData(Object.assign({ link: cfg.share.timelineLink, success: function () { track("share", "moments"); flush(); } }, card));
    });
  }
})();
