// Audio (audio.go): an HTMLAudioElement that plays nothing.
import { assert } from "../../../testdata/assert.js";

const a = new Audio("sounds/ring.mp3");
assert.sameValue(a.tagName, "AUDIO");
assert.sameValue(String(a), "[object HTMLAudioElement]");
assert.ok(a instanceof Audio && a instanceof EventTarget);
assert.sameValue(a.src, "https://flex.twilio.com/agent-desktop/sounds/ring.mp3", "src resolves against the page");
assert.sameValue(a.getAttribute("src"), "sounds/ring.mp3", "the attribute keeps what was set");
assert.sameValue(a.getAttribute("preload"), "auto", "new Audio() sets preload");
assert.sameValue(new Audio().src, "", "no src");
assert.sameValue(a.paused, true, "paused until play()");
assert.sameValue(a.volume, 1);
assert.sameValue(a.muted, false);
assert.sameValue(a.loop, false);
assert.sameValue(a.currentTime, 0);
assert.ok(Number.isNaN(a.duration), "nothing loads: duration is NaN");

a.loop = true;
assert.sameValue(a.loop, true);
assert.sameValue(a.hasAttribute("loop"), true, "loop reflects its attribute");
a.muted = true;
assert.sameValue(a.muted, true);
a.volume = 0.25;
assert.sameValue(a.volume, 0.25);
const range = assert.throws(DOMException, () => { a.volume = 1.5; });
assert.sameValue(range.name, "IndexSizeError");
assert.sameValue(range.message, "HTMLMediaElement.volume setter: The volume provided (1.5) is outside the range [0, 1].");
assert.throws(DOMException, () => { a.volume = -0.1; });
assert.throws(TypeError, () => { a.volume = NaN; }, "volume must be finite");
assert.sameValue(a.volume, 0.25, "a rejected volume changes nothing");
a.currentTime = 12.5;
assert.sameValue(a.currentTime, 12.5);
a.src = "https://cdn.example.com/hold.wav";
assert.sameValue(a.src, "https://cdn.example.com/hold.wav");

// play() resolves after the play and playing events; pause() fires pause.
const events = [];
for (const t of ["play", "playing", "pause"]) a.addEventListener(t, (ev) => events.push(`${ev.type}:${ev.isTrusted}`));
const p = a.play();
assert.ok(p instanceof Promise, "play() returns a promise");
assert.sameValue(a.paused, false, "playing at once");
assert.deepEqual(events, [], "events are queued");
assert.sameValue(await p, undefined);
assert.deepEqual(events, ["play:true", "playing:true"]);
await a.play(); // already playing: no new events
assert.deepEqual(events, ["play:true", "playing:true"]);
a.pause();
assert.sameValue(a.paused, true);
await null;
assert.deepEqual(events, ["play:true", "playing:true", "pause:true"]);
a.pause();
await null;
assert.sameValue(events.length, 3, "pausing a paused element fires nothing");
a.load();
assert.sameValue(a.currentTime, 0, "load() rewinds");

assert.sameValue(a.canPlayType("audio/mpeg"), "maybe");
assert.sameValue(a.canPlayType("audio/ogg; codecs=vorbis"), "maybe");
assert.sameValue(a.canPlayType("video/x-unknown"), "");
assert.sameValue(assert.throws(TypeError, () => a.canPlayType()).message, "HTMLMediaElement.canPlayType: 1 argument required, but only 0 present.");

// document.createElement("audio") makes the same kind of element.
const el = document.createElement("audio");
assert.ok(el instanceof Audio, "createElement('audio') is an Audio");
assert.sameValue(el.paused, true);
assert.throws(TypeError, () => Object.getOwnPropertyDescriptor(Audio.prototype, "paused").get.call(document.createElement("div")), "Illegal invocation");
