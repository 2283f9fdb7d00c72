// The draft editor, enhanced: tasks are added, moved and removed in the page (the server-side buttons stay for a
// browser without scripts: each saves and comes back), and every unit list becomes a searchable picker grouped by
// the parent unit. Field names are renumbered after each change so the form posts exactly as the server renders it.
(function () {
    'use strict';
    var form = document.querySelector('form.directive-editor');
    if (!form) { return; }
    var list = form.querySelector('[data-task-list]');
    var announce = document.getElementById('editor-announce');

    function format(text, args) {
        return (text || '').replace(/\{(\d)\}/g, function (_, i) { return args[+i]; });
    }

    function say(text) {
        if (!announce) { return; }
        announce.textContent = '';
        window.setTimeout(function () { announce.textContent = text; }, 50);
    }

    // --- unit pickers -------------------------------------------------------------------------------------------
    function pick(select) {
        if (typeof window.TomSelect !== 'function' || select.tomselect) { return; }
        // The picker points the label at its own input; the select it hides keeps the label's text as its name, and
        // the label is pointed back at the select before a picker is made again (after renumbering).
        var label = select._dhLabel || form.querySelector('label[for="' + select.id + '"]');
        if (label) {
            select._dhLabel = label;
            label.setAttribute('for', select.id);
            select.setAttribute('aria-label', label.textContent.trim());
        }
        var multiple = select.multiple;
        var settings = {
            plugins: multiple ? { remove_button: { title: form.dataset.pickerRemove || '' } } : [],
            maxOptions: null,
            // A group is known by its label (the parent's name), so searching "Quốc Oai" also lists the units under it.
            optgroupValueField: 'label',
            searchField: ['text', 'optgroup'],
            placeholder: form.dataset.pickerPlaceholder || '',
            hidePlaceholder: false,
            allowEmptyOption: !multiple,
            closeAfterSelect: !multiple,
            // Filtering waits 300 ms after typing by default; a choice clicked within that time was followed by the
            // late filter, which opened the list again and took the focus back from the field the user had moved to.
            // A few hundred units filter at once.
            refreshThrottle: 0,
            render: {
                no_results: function () {
                    var div = document.createElement('div');
                    div.className = 'no-results';
                    div.textContent = form.dataset.pickerEmpty || '';
                    return div;
                }
            }
        };
        new window.TomSelect(select, settings);
    }

    function unpick(root) {
        var kept = [];
        root.querySelectorAll('select[data-unit-picker]').forEach(function (select) {
            if (!select.tomselect) { return; }
            var value = select.tomselect.getValue();
            select.tomselect.destroy();
            kept.push([select, value]);
        });
        return kept;
    }

    function repick(kept) {
        kept.forEach(function (entry) {
            var select = entry[0], value = Array.isArray(entry[1]) ? entry[1] : [entry[1]];
            Array.prototype.forEach.call(select.options, function (o) { o.selected = value.indexOf(o.value) >= 0; });
            pick(select);
        });
    }

    // --- renumbering --------------------------------------------------------------------------------------------
    var ATTRS = ['id', 'for', 'aria-describedby', 'aria-labelledby'];

    function rename(el, task, sub) {
        if (el.name) {
            el.name = sub === null
                ? el.name.replace(/^Input\.Tasks\[\d+\]/, 'Input.Tasks[' + task + ']')
                : el.name.replace(/^Input\.Tasks\[\d+\]\.Subtasks\[\d+\]/, 'Input.Tasks[' + task + '].Subtasks[' + sub + ']');
        }
        ATTRS.forEach(function (attr) {
            var value = el.getAttribute(attr);
            if (!value) { return; }
            var next = sub === null
                ? value.replace(/(^|\s)Input_Tasks_\d+__/g, '$1Input_Tasks_' + task + '__')
                : value.replace(/(^|\s)Input_Tasks_\d+__Subtasks_\d+__/g, '$1Input_Tasks_' + task + '__Subtasks_' + sub + '__');
            if (next !== value) { el.setAttribute(attr, next); }
        });
    }

    function renumber() {
        var tasks = list.querySelectorAll(':scope > [data-task]');
        tasks.forEach(function (taskEl, t) {
            taskEl.id = 'task-' + t;
            var legend = taskEl.querySelector(':scope > legend');
            legend.textContent = format(legend.dataset.label, [t + 1]);
            taskEl.querySelectorAll('[name], [id], [for], [aria-describedby], [aria-labelledby]').forEach(function (el) {
                if (!el.closest('[data-subtask]')) { rename(el, t, null); }
            });
            taskEl.querySelectorAll('[data-subtask]').forEach(function (subEl, s) {
                var subLegend = subEl.querySelector(':scope > legend');
                subLegend.textContent = format(subLegend.dataset.label, [t + 1, s + 1]);
                subEl.querySelectorAll('[name], [id], [for], [aria-describedby], [aria-labelledby]').forEach(function (el) {
                    // A subtask's fields are named from the task's: first the task part, then the subtask's own.
                    if (el.name) { el.name = el.name.replace(/^Input\.Tasks\[\d+\]/, 'Input.Tasks[' + t + ']'); }
                    ATTRS.forEach(function (attr) {
                        var value = el.getAttribute(attr);
                        if (value) { el.setAttribute(attr, value.replace(/(^|\s)Input_Tasks_\d+__/g, '$1Input_Tasks_' + t + '__')); }
                    });
                    rename(el, t, s);
                });
                var removeSub = subEl.querySelector('[data-task-op="remove-subtask"]');
                if (removeSub) { removeSub.textContent = format(removeSub.dataset.label, [t + 1, s + 1]); }
            });
            var up = taskEl.querySelector(':scope > div > [data-task-op="up"]');
            var down = taskEl.querySelector(':scope > div > [data-task-op="down"]');
            var remove = taskEl.querySelector(':scope > div > [data-task-op="remove"]');
            if (up) { up.disabled = t === 0; }
            if (down) { down.disabled = t === tasks.length - 1; }
            if (remove) { remove.textContent = format(remove.dataset.label, [t + 1]); }
        });
    }

    function change(action) {
        var kept = unpick(list);
        var result = action();
        renumber();
        repick(kept);
        list.querySelectorAll('select[data-unit-picker]').forEach(pick);
        return result;
    }

    function fromTemplate(id) {
        var template = document.getElementById(id);
        return template.content.firstElementChild.cloneNode(true);
    }

    function focusFirst(el) {
        var field = el.querySelector('textarea, input:not([type=hidden])');
        if (field) { field.focus(); }
    }

    form.addEventListener('click', function (event) {
        var button = event.target.closest('[data-task-op], [data-add-subtree]');
        if (!button || !form.contains(button)) { return; }
        event.preventDefault();
        if (button.hasAttribute('data-add-subtree')) {
            addSubtree();
            return;
        }
        var op = button.dataset.taskOp;
        var taskEl = button.closest('[data-task]');
        if (op === 'add') {
            var added = change(function () {
                var el = fromTemplate('task-template');
                list.appendChild(el);
                return el;
            });
            focusFirst(added);
            say(format(announce && announce.dataset.added, [list.querySelectorAll(':scope > [data-task]').length]));
        } else if (op === 'add-subtask') {
            var sub = change(function () {
                var el = fromTemplate('subtask-template');
                taskEl.querySelector('[data-subtasks]').appendChild(el);
                return el;
            });
            focusFirst(sub);
        } else if (op === 'up' || op === 'down') {
            change(function () {
                if (op === 'up' && taskEl.previousElementSibling) {
                    list.insertBefore(taskEl, taskEl.previousElementSibling);
                } else if (op === 'down' && taskEl.nextElementSibling) {
                    list.insertBefore(taskEl.nextElementSibling, taskEl);
                }
            });
            var position = Array.prototype.indexOf.call(list.children, taskEl) + 1;
            var same = taskEl.querySelector(':scope > div > [data-task-op="' + op + '"]');
            (same && !same.disabled ? same : taskEl.querySelector(':scope > legend + *  textarea') || button).focus();
            say(format(announce && announce.dataset.moved, [position]));
        } else if (op === 'remove' || op === 'remove-subtask') {
            var target = op === 'remove' ? taskEl : button.closest('[data-subtask]');
            var next = target.nextElementSibling || target.previousElementSibling;
            change(function () { target.remove(); });
            if (op === 'remove' && list.children.length === 0) {
                change(function () { list.appendChild(fromTemplate('task-template')); });
                next = list.firstElementChild;
            }
            var focusTo = next ? next.querySelector('textarea') : form.querySelector('[data-task-op="add"]');
            if (focusTo) { focusTo.focus(); } else { form.querySelector('[data-task-op="add"]').focus(); }
            say(announce ? announce.dataset.removed : '');
        }
    });

    // "All units under X" without a round trip: the option lists the units directly under X (the server's rule).
    function addSubtree() {
        var committee = form.querySelector('#SubtreeOrganizationId');
        var recipients = form.querySelector('#Input_RecipientOrganizationIds');
        var option = committee.options[committee.selectedIndex];
        var ids = ((option && option.dataset.children) || '').split(' ').filter(Boolean);
        if (recipients.tomselect) {
            recipients.tomselect.addItems(ids);
        } else {
            Array.prototype.forEach.call(recipients.options, function (o) { if (ids.indexOf(o.value) >= 0) { o.selected = true; } });
        }
    }

    // A deadline already past is flagged as it is typed, not only after saving (the server says the same on the page).
    function flagPast(input) {
        var m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(input.value.trim());
        var past = m && (m[3] + '-' + m[2] + '-' + m[1]) < form.dataset.today;
        var hint = null;
        for (var el = input.nextElementSibling; el && !el.matches('input, .form-check'); el = el.nextElementSibling) {
            if (el.classList.contains('deadline-past')) { hint = el; break; }
        }
        if (past && !hint) {
            hint = document.createElement('div');
            hint.className = 'form-text text-warning-emphasis deadline-past';
            hint.textContent = form.dataset.pastHint;
            input.insertAdjacentElement('afterend', hint);
        } else if (!past && hint) {
            hint.remove();
        }
    }

    // As the date is typed (a whole dd/mm/yyyy), and again on leaving the field: date-input.js writes a short form such
    // as 4/9/2021 out as dd/mm/yyyy on "change" first (it listens on the document, this on the form's field after it).
    function onDeadline(e) {
        if (e.target.matches && e.target.matches('input[data-date][name$=".Deadline"]')) { window.setTimeout(function () { flagPast(e.target); }, 0); }
    }
    form.addEventListener('input', onDeadline);
    form.addEventListener('change', onDeadline);

    form.querySelectorAll('select[data-unit-picker]').forEach(pick);
})();
