//! How far an import has gone, for a progress bar: the browser's importer runs on one thread (a Web Worker)
//! and tells the page after each chunk of « Onglet 3 ». The threaded reader of the command line reports
//! nothing (it takes a second or two).

use std::cell::RefCell;

/// The long sheet read so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Rows of the référentiel read.
    pub rows: u64,
    /// Bytes of the sheet's XML inflated.
    pub inflated: u64,
    /// The size of that XML its archive declares (0 when it does not say): the end of the bar.
    pub declared: u64,
}

impl Progress {
    /// Per cent of the sheet read, at most 100 (a declared size can lie).
    pub fn percent(&self) -> u8 {
        match self.declared {
            0 => 0,
            d => (self.inflated.saturating_mul(100) / d).min(100) as u8,
        }
    }
}

type Report = Box<dyn FnMut(Progress)>;

thread_local! {
    static REPORT: RefCell<Option<Report>> = const { RefCell::new(None) };
}

/// Runs `work` (an import) with `report` told of its progress on this thread, then forgets it.
pub fn reporting<T>(report: impl FnMut(Progress) + 'static, work: impl FnOnce() -> T) -> T {
    struct Reset;
    impl Drop for Reset {
        fn drop(&mut self) {
            REPORT.with(|r| r.borrow_mut().take());
        }
    }
    REPORT.with(|r| *r.borrow_mut() = Some(Box::new(report)));
    let _reset = Reset;
    work()
}

/// Tells the reporter of this thread, if any.
pub(crate) fn report(progress: Progress) {
    REPORT.with(|r| {
        if let Some(report) = r.borrow_mut().as_mut() {
            report(progress);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_is_bounded_and_zero_without_a_size() {
        let p = |inflated, declared| {
            Progress {
                rows: 0,
                inflated,
                declared,
            }
            .percent()
        };
        assert_eq!(p(50, 200), 25);
        assert_eq!(p(300, 200), 100);
        assert_eq!(p(10, 0), 0);
    }
}
