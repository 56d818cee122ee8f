package engine

import (
	"container/heap"
	"time"
)

// Timers live in one heap ordered by deadline, then by the order they were
// set. goja_nodejs runs one Go timer per setTimeout, so timers with equal
// delays can fire out of order; Node never does that, and neither do we.

type timer struct {
	id       int
	seq      uint64
	owner    Owner
	deadline time.Time
	interval time.Duration // > 0 for setInterval
	fn       func()
	code     *runningCode // the invocation code that set it, if any
	index    int          // in the heap; -1 once removed
}

type timerHeap []*timer

func (h timerHeap) Len() int { return len(h) }
func (h timerHeap) Less(i, j int) bool {
	if !h[i].deadline.Equal(h[j].deadline) {
		return h[i].deadline.Before(h[j].deadline)
	}
	return h[i].seq < h[j].seq
}
func (h timerHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].index = i
	h[j].index = j
}
func (h *timerHeap) Push(x any) {
	t := x.(*timer)
	t.index = len(*h)
	*h = append(*h, t)
}
func (h *timerHeap) Pop() any {
	old := *h
	t := old[len(old)-1]
	old[len(old)-1] = nil
	*h = old[:len(old)-1]
	t.index = -1
	return t
}

// minTimerDelay is the smallest delay a timer gets, as in Node (setTimeout(f, 0) waits 1 ms).
const minTimerDelay = time.Millisecond

// SetTimer schedules fn to run on the loop after delay (at least 1 ms), once
// or, with repeat, every delay until cleared. It returns the timer's id.
// The timer keeps the engine busy (Wait does not return) while it is set.
// Loop only.
func (v *VM) SetTimer(owner Owner, delay time.Duration, repeat bool, fn func()) int {
	if delay < minTimerDelay {
		delay = minTimerDelay
	}
	var interval time.Duration
	if repeat {
		interval = delay
	}
	return v.e.addTimer(owner, delay, interval, fn)
}

// addTimer puts a timer due after delay in the heap and returns its id.
func (e *Engine) addTimer(owner Owner, delay, interval time.Duration, fn func()) int {
	e.timerSeq++
	t := &timer{id: int(e.timerSeq), seq: e.timerSeq, owner: owner, deadline: e.now().Add(delay), interval: interval, fn: fn, code: e.vm.code}
	heap.Push(&e.timers, t)
	e.timerByID[t.id] = t
	return t.id
}

// ClearTimer cancels a timer; unknown or fired ids are ignored. Loop only.
func (v *VM) ClearTimer(id int) {
	e := v.e
	t, ok := e.timerByID[id]
	if !ok {
		return
	}
	delete(e.timerByID, id)
	if t.index >= 0 {
		heap.Remove(&e.timers, t.index)
	}
}

// clearTimersOf removes every timer an owner set.
func (e *Engine) clearTimersOf(owner Owner) int {
	n := 0
	for id, t := range e.timerByID {
		if t.owner == owner {
			e.vm.ClearTimer(id)
			n++
		}
	}
	return n
}

// nextTimer returns the timer due first, and whether it is due now.
func (e *Engine) nextTimer(now time.Time) (*timer, bool) {
	if len(e.timers) == 0 {
		return nil, false
	}
	t := e.timers[0]
	return t, !t.deadline.After(now)
}

// fireTimer runs a due timer's callback; an interval is set again first, so
// that clearInterval inside the callback works.
func (e *Engine) fireTimer(t *timer) {
	heap.Pop(&e.timers)
	if t.interval > 0 {
		t.deadline = e.now().Add(t.interval)
		e.timerSeq++
		t.seq = e.timerSeq
		heap.Push(&e.timers, t)
	} else {
		delete(e.timerByID, t.id)
	}
	e.runJob(t.owner, t.code, t.fn)
}
