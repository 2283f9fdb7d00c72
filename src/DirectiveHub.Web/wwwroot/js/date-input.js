// Date fields are text fields that read dd/mm/yyyy (DateInputTagHelper). On leaving one, a typed "4/9/2021" or
// "04092021" is written out as 04/09/2021, and a date that does not exist (31/02/2021) is refused before the form is
// sent. The server reads the same forms without this script (VietnameseDateBinder).
(() => {
  'use strict';
  const pad = (n) => String(n).padStart(2, '0');
  const read = (text) => {
    const t = text.trim();
    let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t) || /^(\d{2})(\d{2})(\d{4})$/.exec(t);
    let d, mo, y;
    if (m) { [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])]; }
    else if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t))) { [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]; }
    else { return null; }
    const date = new Date(Date.UTC(y, mo - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? `${pad(d)}/${pad(mo)}/${y}` : undefined;
  };
  const check = (input) => {
    if (!input.value.trim()) { input.setCustomValidity(''); return; }
    const shown = read(input.value);
    if (shown) { input.value = shown; input.setCustomValidity(''); }
    else if (shown === undefined) { input.setCustomValidity('Ngày này không có trong lịch: hãy kiểm tra ngày và tháng.'); }
    else { input.setCustomValidity('Hãy nhập ngày theo dạng ngày/tháng/năm, ví dụ 04/09/2021.'); }
  };
  document.addEventListener('change', (e) => { if (e.target instanceof HTMLInputElement && e.target.hasAttribute('data-date')) check(e.target); });
  // Pressing Enter in a field may send the form before "change": check again, and stop a form holding a bad date.
  document.addEventListener('submit', (e) => {
    const bad = [...e.target.querySelectorAll('input[data-date]')].filter((input) => { check(input); return !input.checkValidity(); });
    if (bad.length > 0) { e.preventDefault(); e.stopImmediatePropagation(); bad[0].reportValidity(); }
  }, true);
})();
