// The card comes to the top of the screen (below the app bar, see scroll-margin in app.css) and its update box takes
// the focus; on a small screen where the whole card does not fit, the box itself is kept in view.
export function bringUpdateBoxIntoView(card) {
    card.scrollIntoView({ block: 'start' });
    const box = card.querySelector('textarea');
    if (box) {
        box.focus({ preventScroll: true });
        box.scrollIntoView({ block: 'nearest' });
    }
}
