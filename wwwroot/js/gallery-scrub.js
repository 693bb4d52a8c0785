// Hover scrubbing: a card's thumbnail shows the frame of its sprite sheet (4 x 2 tiles) under the pointer.
// One delegated listener for the whole document, so cards added by the virtualised grid need no wiring.
const COLUMNS = 4, ROWS = 2, FRAMES = COLUMNS * ROWS;
let installed = false;

function frameAt(thumb, clientX) {
  const box = thumb.getBoundingClientRect();
  const fraction = Math.min(Math.max((clientX - box.left) / Math.max(box.width, 1), 0), 0.9999);
  return Math.floor(fraction * FRAMES);
}

function show(thumb, frame) {
  const layer = thumb.querySelector('.vh-scrub-layer');
  if (!layer) return;
  const col = frame % COLUMNS, row = Math.floor(frame / COLUMNS);
  layer.style.backgroundImage = `url("${thumb.dataset.scrubSprite}")`;
  layer.style.backgroundSize = `${COLUMNS * 100}% ${ROWS * 100}%`;
  layer.style.backgroundPosition = `${(col / (COLUMNS - 1)) * 100}% ${(row / (ROWS - 1)) * 100}%`;
  thumb.dataset.scrubFrame = String(frame);
}

function hide(thumb) {
  delete thumb.dataset.scrubFrame;
}

export function install() {
  if (installed) return;
  installed = true;
  document.addEventListener('pointermove', e => {
    const thumb = e.target instanceof Element ? e.target.closest('[data-scrub-sprite]') : null;
    document.querySelectorAll('[data-scrub-frame]').forEach(t => { if (t !== thumb) hide(t); });
    if (thumb && thumb.dataset.scrubSprite) show(thumb, frameAt(thumb, e.clientX));
  }, { passive: true });
  document.addEventListener('pointerleave', () => document.querySelectorAll('[data-scrub-frame]').forEach(hide));
}
