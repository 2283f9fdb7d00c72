// Keeps what the user typed when the server cannot take it (the database is briefly away, 503): every POST form is
// saved in this tab's sessionStorage on submit; the error page's "back" button marks it for restoring, and the form
// page, opened again, puts the values back. Passwords and antiforgery tokens are never saved.
(function () {
    'use strict';
    var KEY = 'dh:form-keep';
    var RESTORE = 'dh:form-restore';
    function skip(el) {
        return !el.name || el.type === 'password' || el.type === 'file' || el.type === 'hidden' || el.type === 'submit' || el.type === 'button';
    }
    document.addEventListener('submit', function (event) {
        var form = event.target;
        if (!(form instanceof HTMLFormElement) || (form.method || '').toLowerCase() !== 'post') { return; }
        var fields = [];
        Array.prototype.forEach.call(form.elements, function (el) {
            if (skip(el)) { return; }
            if (el.type === 'checkbox' || el.type === 'radio') { fields.push([el.name, el.value, el.checked]); }
            else if (el.tagName === 'SELECT' && el.multiple) {
                fields.push([el.name, Array.prototype.filter.call(el.options, function (o) { return o.selected; }).map(function (o) { return o.value; }), null]);
            }
            else { fields.push([el.name, el.value, null]); }
        });
        try { sessionStorage.setItem(KEY, JSON.stringify({ path: location.pathname + location.search, action: form.getAttribute('action') || '', fields: fields })); } catch (e) { /* storage full or off */ }
    }, true);
    document.addEventListener('DOMContentLoaded', function () {
        var back = document.querySelector('[data-restore-back]');
        if (back) {
            back.addEventListener('click', function () {
                try { sessionStorage.setItem(RESTORE, '1'); } catch (e) { /* ignore */ }
                history.back();
            });
            try { sessionStorage.setItem(RESTORE, '1'); } catch (e) { /* ignore */ }
            return;
        }
        var saved, restore;
        try { saved = JSON.parse(sessionStorage.getItem(KEY) || 'null'); restore = sessionStorage.getItem(RESTORE); } catch (e) { return; }
        if (!saved || !restore || saved.path !== location.pathname + location.search) { return; }
        sessionStorage.removeItem(RESTORE);
        sessionStorage.removeItem(KEY);
        var forms = document.querySelectorAll('form[method=post], form[method=POST]');
        saved.fields.forEach(function (f) {
            Array.prototype.forEach.call(forms, function (form) {
                Array.prototype.forEach.call(form.elements, function (el) {
                    if (el.name !== f[0] || skip(el)) { return; }
                    if (el.type === 'checkbox' || el.type === 'radio') { if (el.value === f[1]) { el.checked = f[2]; } }
                    else if (el.tagName === 'SELECT' && el.multiple && Array.isArray(f[1])) {
                        Array.prototype.forEach.call(el.options, function (o) { o.selected = f[1].indexOf(o.value) >= 0; });
                    }
                    else { el.value = f[1]; }
                });
            });
        });
    });
})();
