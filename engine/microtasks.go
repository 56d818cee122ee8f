package engine

// Microtasks. goja queues promise jobs on its runtime and runs them when the
// outermost call from Go returns, keeping the rest of a batch in a local
// variable: an interrupt (job budget, stack overflow) in one microtask then
// loses every other one queued with it, and the invocations they were about
// to settle never settle. The loop drains the queue itself instead, one job
// at a time, into a FIFO of its own. When an interrupt kills a microtask,
// what was queued before it started stays queued and runs in the next loop
// job, with a fresh budget; only what the killed microtask queued itself is
// dropped with it (it may be the next link of a runaway chain).

// microtasks is the loop's FIFO of promise jobs. Loop only.
type microtasks struct {
	jobs []func()
	head int
	goja *[]func() // the runtime's own queue (gojafix.go)
}

// pending reports whether jobs are left from a drain an interrupt cut short.
func (m *microtasks) pending() bool { return m.head < len(m.jobs) }

// drain runs promise jobs until none is left, taking what each one queues.
// It runs inside the job's outermost JavaScript call (see runJob), so that
// the calls jobs make into JavaScript do not drain the queue re-entrantly.
func (m *microtasks) drain() {
	for {
		if q := *m.goja; len(q) > 0 {
			m.jobs = append(m.jobs, q...)
			clear(q)
			*m.goja = q[:0]
		}
		if m.head == len(m.jobs) {
			m.jobs, m.head = m.jobs[:0], 0
			return
		}
		if m.head >= 1024 && 2*m.head >= len(m.jobs) { // a long chain: do not grow for ever
			n := copy(m.jobs, m.jobs[m.head:])
			clear(m.jobs[n:])
			m.jobs, m.head = m.jobs[:n], 0
		}
		job := m.jobs[m.head]
		m.jobs[m.head] = nil
		m.head++
		job()
	}
}
