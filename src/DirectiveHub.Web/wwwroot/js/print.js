// The print view's "In" button: the browser's print dialog (scripts are files, not inline, under the CSP).
document.querySelectorAll('[data-print]').forEach(button => button.addEventListener('click', () => window.print()));
