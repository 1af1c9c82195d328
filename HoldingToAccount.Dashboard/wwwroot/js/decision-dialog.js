// Puts focus in the decision dialog's first field. MudBlazor's focus trap takes focus itself as the dialog opens,
// after the dialog's own first render, so for a moment this takes it back whenever the trap (or nothing) holds it —
// never from anything the person has moved to meanwhile. It takes it back in the same moment the trap takes it
// (on focusin), so a key pressed just then still reaches the field, not the trap.
const focusable = "input:not([type='hidden']):not([disabled]):not([tabindex='-1']), textarea:not([disabled]), button:not([disabled]), [tabindex='0']";
const trapParts = ".mud-dialog, .mud-focus-trap, .mud-focus-trap > div:not(.mud-focus-trap-child-container)";

export function focusFirstField() {
    const started = performance.now();
    const claim = () => {
        const marked = [...document.querySelectorAll(".mud-dialog [data-first-field]")].pop();
        const target = marked && (marked.matches(focusable) ? marked : marked.querySelector(focusable));
        const active = document.activeElement;
        const unclaimed = !active || active === document.body || active.matches(trapParts)
            || !active.closest(".mud-dialog-container, .mud-popover-provider, .mud-popover");
        if (target && unclaimed && active !== target)
            target.focus();
    };
    document.addEventListener("focusin", claim, true);
    const step = () => {
        claim();
        if (performance.now() - started < 1500)
            requestAnimationFrame(step);
        else
            document.removeEventListener("focusin", claim, true);
    };
    requestAnimationFrame(step);
}
