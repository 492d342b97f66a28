// Small helpers the pages share; everything else is htmx (vendor/htmx.org-2.0.11).
document.addEventListener("change", (event) => {
  // A "select all" checkbox ticks every row checkbox of its form (bulk reassign, bulk approve).
  const all = event.target.closest("input[data-select-all]");
  if (!all) return;
  for (const box of all.form.querySelectorAll(`input[name="${all.dataset.selectAll}"]`)) box.checked = all.checked;
});
