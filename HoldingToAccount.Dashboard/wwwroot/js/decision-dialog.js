// Puts focus in the decision dialog's first field. MudBlazor's focus trap takes focus itself as the dialog opens,
// after the dialog's own first render, so for a moment this takes it back whenever the trap (or nothing) holds it —
// never from anything the person has moved to meanwhile.
const focusable = "input:not([type='hidden']):not([disabled]):not([tabindex='-1']), textarea:not([disabled]), button:not([disabled]), [tabindex='0']";
const trapParts = ".mud-dialog, .mud-focus-trap, .mud-focus-trap > div:not(.mud-focus-trap-child-container)";

export function focusFirstField() {
    const started = performance.now();
    const step = () => {
        const marked = [...document.querySelectorAll(".mud-dialog [data-first-field]")].pop();
        const target = marked && (marked.matches(focusable) ? marked : marked.querySelector(focusable));
        const active = document.activeElement;
        const unclaimed = !active || active === document.body || active.matches(trapParts)
            || !active.closest(".mud-dialog-container, .mud-popover-provider, .mud-popover");
        if (target && unclaimed)
            target.focus();
        if (performance.now() - started < 1500)
            requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
}
