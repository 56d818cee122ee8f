package engine

// The job time budget: a watchdog interrupts the runtime once a job has run
// for Options.JobBudget. It is armed inside the job's outermost JavaScript
// call and disarmed before that call returns, so that an interrupt only
// ever lands in the job it was meant for, never before a job starts (which
// would drop the job unrun) nor in the next one.

import (
	"fmt"
	"time"
)

// jobBudget is what the loop interrupts a job with once its time is up.
type jobBudget struct{ d time.Duration }

func (b jobBudget) Error() string {
	return fmt.Sprintf("still running after the job time budget of %s", b.d)
}

// armBudget starts the current job's watchdog. Setup, the host's own code,
// runs unbudgeted. Loop only.
func (e *Engine) armBudget() {
	if e.opts.JobBudget <= 0 || !e.setupDone {
		return
	}
	seq := e.jobSeq
	e.budgetMu.Lock()
	e.budgetJob = seq
	e.budgetMu.Unlock()
	e.budgetTimer = time.AfterFunc(e.opts.JobBudget, func() {
		e.budgetMu.Lock()
		if e.budgetJob == seq {
			e.rt.Interrupt(jobBudget{e.opts.JobBudget})
		}
		e.budgetMu.Unlock()
	})
}

// disarmBudget stops the watchdog; an interrupt it already sent that the
// job did not meet is cleared. Loop only.
func (e *Engine) disarmBudget() {
	if e.budgetTimer == nil {
		return
	}
	e.budgetTimer.Stop()
	e.budgetTimer = nil
	e.budgetMu.Lock()
	e.budgetJob = 0
	e.rt.ClearInterrupt()
	e.budgetMu.Unlock()
}
