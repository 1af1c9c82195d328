// The Run page's keys: step through the brought-forward actions and decide on the one in focus without the mouse.
// Stepping happens here, at once; decisions go to the page. Keys are left alone while someone types, holds a
// modifier, or works in a dialog or menu.
const decisions = { c: "close", f: "carry", d: "defer", r: "redate", u: "update", o: "reopen" };
const steps = { j: 1, arrowdown: 1, k: -1, arrowup: -1, home: "first", end: "last" };

function typing(target) {
    return target instanceof Element
        && target.closest("input, textarea, select, [contenteditable=''], [contenteditable='true'], [role='dialog'], .mud-popover, [role='menu']") !== null;
}

function rowsOf(list) {
    return [...list.querySelectorAll("[data-run-row]")];
}

function makeCurrent(list, row) {
    for (const other of rowsOf(list))
        other.tabIndex = other === row ? 0 : -1;
}

// Back to the action just decided, once the dialog has gone and given focus back to wherever it goes; never away from
// something the chair has moved to meanwhile (another action, a text box, anything pressed or tabbed to).
export function focusRow(reference) {
    const started = performance.now();
    let moved = false;
    const onPointer = () => { moved = true; };
    const onKey = event => { if (event.key === "Tab") moved = true; };
    document.addEventListener("pointerdown", onPointer, true);
    document.addEventListener("keydown", onKey, true);
    const step = () => {
        const list = document.querySelector("[data-run-list]");
        const row = list && rowsOf(list).find(r => r.dataset.ref === reference);
        const active = document.activeElement;
        const unclaimed = !active || active === document.body || active === document.documentElement
            || !(list.contains(active) || typing(active) || active.closest(".mud-snackbar"));
        if (!moved && row && !document.querySelector(".mud-dialog-container") && unclaimed && active !== row) {
            makeCurrent(list, row);
            row.focus();
        }
        if (!moved && performance.now() - started < 800) {
            requestAnimationFrame(step);
            return;
        }
        document.removeEventListener("pointerdown", onPointer, true);
        document.removeEventListener("keydown", onKey, true);
    };
    requestAnimationFrame(step);
}

export function attach(page) {
    const onKey = event => {
        if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || typing(event.target))
            return;
        if (document.querySelector(".mud-dialog-container"))
            return;
        const list = document.querySelector("[data-run-list]");
        if (!list)
            return;
        const key = event.key.toLowerCase();
        const rows = rowsOf(list);
        const inList = event.target instanceof Node && list.contains(event.target);
        const current = event.target instanceof Element ? event.target.closest("[data-run-row]") : null;

        if (key in steps && rows.length > 0) {
            // Arrows, Home and End keep scrolling the page unless the list has focus; J and K lead into the list from anywhere.
            if (!inList && key !== "j" && key !== "k")
                return;
            const at = current ? rows.indexOf(current) : -1;
            const by = steps[key];
            const next = by === "first" ? 0 : by === "last" ? rows.length - 1
                : at < 0 ? 0 : Math.min(rows.length - 1, Math.max(0, at + by));
            event.preventDefault();
            makeCurrent(list, rows[next]);
            rows[next].focus();
            return;
        }
        if (key === "z") {
            event.preventDefault();
            page.invokeMethodAsync("OnUndoKey");
            return;
        }
        if (key in decisions && current) {
            event.preventDefault();
            page.invokeMethodAsync("OnDecisionKey", current.dataset.ref, decisions[key]);
        }
    };
    const onFocus = event => {
        const row = event.target instanceof Element ? event.target.closest("[data-run-row]") : null;
        const list = row?.closest("[data-run-list]");
        if (list)
            makeCurrent(list, row);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("focusin", onFocus);
    document.documentElement.dataset.runKeys = "on";
    return {
        dispose: () => {
            document.removeEventListener("keydown", onKey);
            document.removeEventListener("focusin", onFocus);
            delete document.documentElement.dataset.runKeys;
        },
    };
}
