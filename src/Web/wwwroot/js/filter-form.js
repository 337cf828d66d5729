// The server-rendered filter form (it works without this file): empty fields are left out of the submitted query,
// so a filtered link reads "?from=2016-12-01&outlet=afp" rather than "?from=2016-12-01&to=&q=&outlet=afp".
document.addEventListener('formdata', event => {
    if (!event.target.matches('form.filter-bar')) return;
    for (const [key, value] of [...event.formData.entries()]) {
        if (value === '') event.formData.delete(key);
    }
});
