/**
 * The alarm tone: a WAV made in memory (two short tones, then silence) played by a looping <audio>
 * element. A looping element keeps sounding in a hidden or minimised window, where timers are
 * throttled.
 */
function makeTone(): Blob {
  const rate = 22050;
  const seconds = 1.6;
  const n = Math.floor(rate * seconds);
  const data = new Int16Array(n);
  for (let i = 0; i < n; i++) {
    const t = i / rate;
    const on = t < 0.35 || (t > 0.45 && t < 0.8);
    const freq = t < 0.4 ? 880 : 660;
    data[i] = on ? Math.round(Math.sin(2 * Math.PI * freq * t) * 0.6 * 32767) : 0;
  }
  const header = new ArrayBuffer(44);
  const v = new DataView(header);
  // The four-letter chunk tags are ASCII: one byte per UTF-16 unit.
  const str = (o: number, s: string) => {
    for (let k = 0; k < s.length; k += 1) v.setUint8(o + k, s.charCodeAt(k));
  };
  str(0, 'RIFF');
  v.setUint32(4, 36 + data.byteLength, true);
  str(8, 'WAVE');
  str(12, 'fmt ');
  v.setUint32(16, 16, true);
  v.setUint16(20, 1, true);
  v.setUint16(22, 1, true);
  v.setUint32(24, rate, true);
  v.setUint32(28, rate * 2, true);
  v.setUint16(32, 2, true);
  v.setUint16(34, 16, true);
  str(36, 'data');
  v.setUint32(40, data.byteLength, true);
  return new Blob([header, data.buffer], { type: 'audio/wav' });
}

let audio: HTMLAudioElement | null = null;

export function setAlarmSound(on: boolean): void {
  // Whether this page means to sound, on <html> (data-alarm-sound): the autoplay refusal of a
  // plain browser must not hide that another seat's acknowledgement silenced it (issue 17).
  document.documentElement.dataset.alarmSound = on ? 'on' : 'off';
  if (on) {
    if (!audio) {
      audio = new Audio(URL.createObjectURL(makeTone()));
      audio.loop = true;
    }
    // Autoplay may be refused in a plain browser until the page was clicked; the banner still shows.
    void audio.play().catch(() => undefined);
  } else if (audio) {
    audio.pause();
    audio.currentTime = 0;
  }
}
