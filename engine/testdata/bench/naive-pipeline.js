// Provenance: copied verbatim from the shared workspace file
// /work/shared/bench/naive-pipeline.js (the baseline measured in
// /work/shared/goja-gaps.md, "Speed"); only this header was added. Keep the
// body identical to the shared copy so x-naive stays comparable.

// Baseline for flexrun's invocation benchmarks: the Actions pipeline written as plain
// JavaScript, the way a straightforward port would do it inside the same goja runtime.
// Evaluate this file, then call createNaiveActions() to get an object with the same
// methods as flex.Actions. It is a yardstick only; flexrun's own engine is in Go.
function createNaiveActions() {
  const actions = new Map();   // name -> implementation(payload)
  const listeners = new Map(); // event name -> array of functions

  function listenersOf(event) {
    let list = listeners.get(event);
    if (!list) {
      list = [];
      listeners.set(event, list);
    }
    return list;
  }

  return {
    registerAction(name, fn) {
      actions.set(name, fn);
    },
    replaceAction(name, fn) {
      const previous = actions.get(name);
      actions.set(name, (payload) => fn(payload, (p) => previous(p)));
    },
    addListener(event, fn) {
      listenersOf(event).push(fn);
    },
    removeListener(event, fn) {
      const list = listenersOf(event);
      const i = list.indexOf(fn);
      if (i >= 0) list.splice(i, 1);
    },
    async invokeAction(name, payload = {}) {
      const impl = actions.get(name);
      if (!impl) throw new Error(`Action ${name} is not registered`);
      let aborted = false;
      const abort = () => { aborted = true; };
      await Promise.all(listenersOf("before" + name).map((fn) => fn(payload, abort)));
      if (aborted) return;
      const result = await impl(payload);
      await Promise.all(listenersOf("after" + name).map((fn) => fn(payload)));
      return result;
    },
  };
}
