// Side-by-side compare: both takes play, pause, seek and change speed together. Module only (no inline script).
let pair = null;

export function init(aId, bId) {
    const a = document.getElementById(aId), b = document.getElementById(bId);
    if (!a || !b) return;
    pair = { a, b, syncing: false };
    const follow = (src, dst) => {
        src.addEventListener('seeked', () => { if (Math.abs(dst.currentTime - src.currentTime) > 0.05) dst.currentTime = src.currentTime; });
        src.addEventListener('ratechange', () => { dst.playbackRate = src.playbackRate; });
    };
    follow(a, b); follow(b, a);
}

export function togglePlay() {
    if (!pair) return false;
    const { a, b } = pair;
    if (a.paused) {
        b.currentTime = a.currentTime;
        a.muted = true; b.muted = true;
        a.play().catch(() => { }); b.play().catch(() => { });
        return true;
    }
    a.pause(); b.pause();
    b.currentTime = a.currentTime;
    return false;
}

export function restart() {
    if (!pair) return;
    pair.a.currentTime = 0; pair.b.currentTime = 0;
}

export function times() { return pair ? [pair.a.currentTime, pair.b.currentTime] : [0, 0]; }
