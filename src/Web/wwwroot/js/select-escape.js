// Escape closes an open MudBlazor select (the filter bar's outlets and languages) wherever the focus is in it.
// MudSelect listens for keys on its combobox input and moves the focus back there after a click on an option, but that
// takes a round trip over the circuit: an Escape pressed meanwhile lands on the clicked option (role="option",
// tabindex="-1") and nothing closes the list. Such an Escape is handed to the combobox that controls the list.
document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !(event.target instanceof Element)) return;
    const list = event.target.closest('[role="listbox"][id]');
    if (!list || event.target.matches('[role="combobox"]')) return;
    const combobox = document.querySelector(`[role="combobox"][aria-controls="${CSS.escape(list.id)}"]`);
    if (!combobox) return;
    event.preventDefault();
    event.stopPropagation();
    combobox.focus();
    combobox.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', code: 'Escape', bubbles: true, cancelable: true }));
}, true);
