// The review player: transport, frame steps, drawings on the paused frame, overlays at their time, and keyboard
// shortcuts. Loaded as a module (the CSP forbids inline script).
const FRAME = 1 / 30;
const OVERLAY_SECONDS = 1.5;
const players = new Map();
let nextHandle = 1;
const warn = e => console.warn('review player', e);

// Each player gets its own handle, so a page that goes away never disturbs the one that replaced it.
export function init(video, canvas, timeline, dotnet) {
    if (!video || !canvas) return 0;
    const handle = nextHandle++;
    const state = { video, canvas, dotnet, overlays: [], drawing: false, strokes: [], current: null, lastSent: -1 };
    players.set(handle, state);
    // The element knows its player, so a script or test can tell this video from any other on the page.
    video.dataset.playerHandle = String(handle);
    timeline?.addEventListener('click', e => seekFromBar(state, timeline, e));
    const send = () => {
        const t = video.currentTime;
        if (Math.abs(t - state.lastSent) < 0.2 && !video.paused) return;
        state.lastSent = t;
        dotnet.invokeMethodAsync('OnPlayerTime', t, video.paused).catch(warn);
    };
    video.addEventListener('timeupdate', () => { send(); paint(state); });
    video.addEventListener('seeked', () => { state.lastSent = -1; send(); paint(state); });
    video.addEventListener('play', () => { state.lastSent = -1; send(); });
    video.addEventListener('pause', () => { state.lastSent = -1; send(); });
    video.addEventListener('loadedmetadata', () => { resize(state); dotnet.invokeMethodAsync('OnPlayerDuration', video.duration || 0).catch(warn); });
    if (video.readyState >= 1) resize(state);
    new ResizeObserver(() => { resize(state); paint(state); }).observe(video);

    canvas.addEventListener('pointerdown', e => {
        if (!state.drawing) return;
        canvas.setPointerCapture(e.pointerId);
        state.current = { color: '#ff3b30', points: [point(canvas, e)] };
        state.strokes.push(state.current);
        paint(state);
    });
    canvas.addEventListener('pointermove', e => {
        if (!state.drawing || !state.current) return;
        state.current.points.push(point(canvas, e));
        paint(state);
    });
    canvas.addEventListener('pointerup', () => { state.current = null; });
    return handle;
}

// A click on the bar (not on a marker, which seeks through the page) moves the player to that point.
function seekFromBar(state, timeline, e) {
    if (e.target.closest('[data-testid=comment-marker]')) return;
    const bar = timeline.querySelector('[data-testid=comment-timeline]');
    const duration = state.video.duration;
    if (!bar || !Number.isFinite(duration) || duration <= 0) return;
    const r = bar.getBoundingClientRect();
    if (r.width <= 0) return;
    const fraction = Math.min(1, Math.max(0, (e.clientX - r.left) / r.width));
    state.video.currentTime = fraction * duration;
}

function point(canvas, e) {
    const r = canvas.getBoundingClientRect();
    const x = Math.min(1, Math.max(0, (e.clientX - r.left) / r.width));
    const y = Math.min(1, Math.max(0, (e.clientY - r.top) / r.height));
    return [Math.round(x * 10000) / 10000, Math.round(y * 10000) / 10000];
}

function resize(state) {
    const r = state.video.getBoundingClientRect();
    state.canvas.width = Math.max(1, Math.round(r.width));
    state.canvas.height = Math.max(1, Math.round(r.height));
}

function paint(state) {
    const { canvas, video } = state;
    const ctx = canvas.getContext('2d');
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    const t = video.currentTime;
    const shown = state.overlays.filter(o => t >= o.time - 0.05 && t <= (o.end ?? o.time + OVERLAY_SECONDS));
    canvas.dataset.shownOverlays = String(shown.length);
    for (const o of shown) strokes(ctx, canvas, o.strokes);
    if (state.drawing) strokes(ctx, canvas, state.strokes);
}

function strokes(ctx, canvas, list) {
    ctx.lineWidth = 3; ctx.lineJoin = 'round'; ctx.lineCap = 'round';
    for (const s of list || []) {
        if (!s.points || s.points.length === 0) continue;
        ctx.strokeStyle = s.color || '#ff3b30';
        ctx.beginPath();
        s.points.forEach(([x, y], i) => i === 0 ? ctx.moveTo(x * canvas.width, y * canvas.height) : ctx.lineTo(x * canvas.width, y * canvas.height));
        if (s.points.length === 1) ctx.lineTo(s.points[0][0] * canvas.width + 1, s.points[0][1] * canvas.height + 1);
        ctx.stroke();
    }
}

const get = id => players.get(id);

export function togglePlay(id) {
    const p = get(id); if (!p) return;
    if (p.video.paused) { p.video.play().catch(() => { }); } else { p.video.pause(); }
}
export function pause(id) { get(id)?.video.pause(); }
export function seek(id, t) { const p = get(id); if (p) { p.video.currentTime = Math.max(0, t); } }
export function step(id, frames) {
    const p = get(id); if (!p || !p.video.paused) return;
    p.video.currentTime = Math.min(p.video.duration || 0, Math.max(0, p.video.currentTime + frames * FRAME));
}
export function setRate(id, r) { const p = get(id); if (p) p.video.playbackRate = r; }
export function setLoop(id, on) { const p = get(id); if (p) p.video.loop = on; }
export function fullscreen(wrapper) { wrapper?.requestFullscreen?.().catch(warn); }
// null (not 0) when the handle is unknown: the caller keeps its last known time rather than comment at the start.
export function currentTime(id) { return get(id)?.video.currentTime ?? null; }

export function setOverlays(id, overlays) {
    const p = get(id); if (!p) return;
    p.overlays = (overlays || []).map(o => ({ time: o.time, end: o.end, strokes: safeParse(o.json) }));
    paint(p);
}
function safeParse(json) { try { return JSON.parse(json); } catch { return []; } }

export function startDrawing(id) {
    const p = get(id); if (!p) return;
    p.video.pause(); p.drawing = true; p.strokes = []; p.canvas.classList.add('vh-drawing'); paint(p);
}
export function finishDrawing(id) {
    const p = get(id); if (!p) return null;
    const json = p.strokes.length ? JSON.stringify(p.strokes) : null;
    p.drawing = false; p.strokes = []; p.canvas.classList.remove('vh-drawing'); paint(p);
    return json;
}
export function cancelDrawing(id) { finishDrawing(id); }

// Keyboard: Space and ,/. act on the player here; J K A C X ? go to the page. Typing in a field is never a shortcut.
let keyHandler = null;
let keyToken = 0;
export function bindKeys(dotnet, handle) {
    if (keyHandler) document.removeEventListener('keydown', keyHandler);
    keyHandler = e => {
        const el = e.target;
        if (e.ctrlKey || e.metaKey || e.altKey) return;
        if (el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName))) return;
        const id = handle;
        const key = e.key;
        if (key === ' ' || key === 'Spacebar') { e.preventDefault(); togglePlay(id); return; }
        if (key === ',') { e.preventDefault(); step(id, -1); return; }
        if (key === '.') { e.preventDefault(); step(id, 1); return; }
        const k = key.toLowerCase();
        if (['j', 'k', 'a', 'c', 'x', '?'].includes(k)) {
            e.preventDefault();
            dotnet.invokeMethodAsync('OnShortcut', k).catch(warn);
        }
    };
    document.addEventListener('keydown', keyHandler);
    return ++keyToken;
}
// Only the page that bound the keys last may unbind them (a page going away must not unbind its successor's).
export function unbindKeys(token) {
    if (token !== keyToken || !keyHandler) return;
    document.removeEventListener('keydown', keyHandler);
    keyHandler = null;
}

export function dispose(id) {
    const p = get(id);
    if (p && p.video.dataset.playerHandle === String(id)) delete p.video.dataset.playerHandle;
    players.delete(id);
}
export function printPage() { window.print(); }

// For diagnostics: the handles of the players on the page and their videos' times.
export function describe() {
    return JSON.stringify([...players.entries()].map(([h, p]) => ({ h, connected: p.video.isConnected, id: p.video.id, t: p.video.currentTime, last: p.lastSent })));
}
