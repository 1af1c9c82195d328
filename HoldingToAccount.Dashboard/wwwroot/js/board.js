// The room screen never scrolls: its lists have a fixed height (whatever the screen leaves them) and items of a fixed
// height, so the number that fit is simple arithmetic. The board asks after each render, and a resize asks again.
const watched = new WeakMap();

function fits(list) {
    const item = [...list.children].find(child => !child.hidden);
    if (!item || item.offsetHeight === 0) {
        return null;
    }
    const gap = parseFloat(getComputedStyle(list).rowGap) || 0;
    return Math.max(1, Math.floor((list.clientHeight + gap) / (item.offsetHeight + gap)));
}

export function measure(board) {
    const state = board && watched.get(board);
    if (!state) {
        return;
    }
    for (const list of board.querySelectorAll("[data-fit]")) {
        const count = fits(list);
        const kind = list.dataset.fit;
        if (count !== null && state.told[kind] !== count) {
            state.told[kind] = count;
            state.dotnet.invokeMethodAsync("FitsAsync", kind, count);
        }
    }
}

export function watch(board, dotnet) {
    if (!board || watched.has(board)) {
        return;
    }
    const observer = new ResizeObserver(() => measure(board));
    observer.observe(board);
    watched.set(board, { dotnet, observer, told: {} });
    measure(board);
    // Fonts and the stylesheet can arrive after the first render and change every height.
    document.fonts?.ready.then(() => measure(board));
}

export function unwatch(board) {
    const state = board && watched.get(board);
    if (state) {
        state.observer.disconnect();
        watched.delete(board);
    }
}
