// The report editor's three sections (完成情况 / 存在问题 / 下一步打算) as rich text, with Quill (wwwroot/lib/quill).
// Without scripts the textareas work as they are; with them each becomes an editor whose HTML goes back into its
// textarea when the form is sent. Only the formats listed are kept, so what is pasted from Word or WPS loses its
// fonts, colours, classes and mso styles and keeps paragraphs, lists, bold/italic/underline, links and tables;
// the server cleans it again (Shared/Reporting/RichText.cs).
(function () {
    'use strict';
    if (typeof window.Quill !== 'function') return;
    var formats = ['bold', 'italic', 'underline', 'list', 'header', 'blockquote', 'link', 'table'];
    var toolbar = [['bold', 'italic', 'underline'], [{ list: 'ordered' }, { list: 'bullet' }], ['blockquote', 'link'], ['clean']];

    // Word and WPS send conditional comments, <o:p> and <style> blocks as HTML: drop them before Quill reads the paste.
    function cleanOffice(html) {
        return html
            .replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, '')
            .replace(/<!--[\s\S]*?-->/g, '')
            .replace(/<style[\s\S]*?<\/style>/gi, '')
            .replace(/<\/?o:p[^>]*>/gi, '')
            .replace(/\s(class|style|lang|face|color|size)=("[^"]*"|'[^']*'|[^\s>]+)/gi, '');
    }

    document.querySelectorAll('textarea[data-rich]').forEach(function (area) {
        var host = document.createElement('div');
        host.className = 'rich-editor';
        area.insertAdjacentElement('afterend', host);
        var quill = new window.Quill(host, { theme: 'snow', formats: formats, modules: { toolbar: toolbar, table: true } });
        quill.clipboard.addMatcher(Node.ELEMENT_NODE, function (node, delta) { return delta; });
        host.addEventListener('paste', function (e) {
            var html = e.clipboardData && e.clipboardData.getData('text/html');
            if (!html || !/urn:schemas-microsoft-com|mso-|<o:p|wps|kingsoft/i.test(html)) return;
            e.preventDefault();
            e.stopPropagation();
            var range = quill.getSelection(true);
            quill.clipboard.dangerouslyPasteHTML(range ? range.index : quill.getLength(), cleanOffice(html), 'user');
        }, true);
        if (area.value) quill.clipboard.dangerouslyPasteHTML(area.value);
        var editable = host.querySelector('.ql-editor');
        if (editable) {
            editable.setAttribute('role', 'textbox');
            editable.setAttribute('aria-multiline', 'true');
            editable.setAttribute('aria-labelledby', area.getAttribute('data-rich'));
        }
        area.hidden = true;
        // The label now names the editor (aria-labelledby); clicking it puts the caret there.
        var label = document.getElementById(area.getAttribute('data-rich'));
        if (label) {
            label.removeAttribute('for');
            label.addEventListener('click', function () { quill.focus(); });
        }
        area.form.addEventListener('submit', function () {
            area.value = quill.getText().trim() === '' && !quill.root.querySelector('table') ? '' : quill.root.innerHTML;
        });
    });
})();
