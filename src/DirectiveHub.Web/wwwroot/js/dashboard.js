// The dashboard's trend chart: data comes from the canvas's data-series attribute (no inline script under the CSP).
(function () {
  const canvas = document.getElementById('trend');
  if (!canvas || typeof Chart === 'undefined') {
    return;
  }
  const s = JSON.parse(canvas.dataset.series);
  const printing = window.matchMedia && window.matchMedia('print').matches;
  new Chart(canvas, {
    data: {
      labels: s.labels,
      datasets: [
        { type: 'bar', label: s.names[1], data: s.done, backgroundColor: '#198754', stack: 'tasks' },
        { type: 'bar', label: s.names[2], data: s.doneLate, backgroundColor: '#fd7e14', stack: 'tasks' },
        { type: 'bar', label: s.names[3], data: s.overdue, backgroundColor: '#b02a37', stack: 'tasks' },
        { type: 'line', label: s.names[0], data: s.directives, borderColor: '#0b4f9c', backgroundColor: '#0b4f9c', yAxisID: 'y2' }
      ]
    },
    options: {
      animation: printing ? false : undefined,
      maintainAspectRatio: false,
      scales: {
        x: { stacked: true },
        y: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, title: { display: !!s.axes, text: s.axes ? s.axes[0] : '' } },
        y2: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false }, ticks: { precision: 0 }, title: { display: !!s.axes, text: s.axes ? s.axes[1] : '' } }
      }
    }
  });
  // Printed pages get the chart as drawn on screen, resized to the paper.
  window.addEventListener('beforeprint', function () {
    for (const id in Chart.instances) { Chart.instances[id].resize(); }
  });
})();

// The unit tree: rows below the first level start folded; a row's button folds or unfolds the units beneath it.
// Without scripts every row stays visible.
(function () {
  const table = document.querySelector('table.unit-tree');
  if (!table) {
    return;
  }
  const rows = Array.from(table.querySelectorAll('tbody tr'));
  const childrenOf = new Map();
  rows.forEach(function (row) {
    const parent = row.dataset.parent;
    if (!childrenOf.has(parent)) { childrenOf.set(parent, []); }
    childrenOf.get(parent).push(row);
  });
  function setOpen(row, open) {
    const button = row.querySelector('.tree-toggle');
    if (button) { button.setAttribute('aria-expanded', open ? 'true' : 'false'); }
    (childrenOf.get(row.dataset.id) || []).forEach(function (child) {
      child.hidden = !open;
      if (!open) { setOpen(child, false); }
    });
  }
  rows.forEach(function (row) {
    const button = row.querySelector('.tree-toggle');
    if (!button) { return; }
    button.hidden = false;
    button.addEventListener('click', function () { setOpen(row, button.getAttribute('aria-expanded') !== 'true'); });
    if (Number(row.dataset.depth) >= 1) { setOpen(row, false); }
  });
  window.addEventListener('beforeprint', function () { rows.forEach(function (row) { row.hidden = false; }); });
})();
