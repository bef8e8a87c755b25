//! The simulator's idea of "now". Seeded data, page-token and access-token expiry,
//! API JWT expiry and rate-limit windows all read it, so a test that moves a
//! [`ManualClock`] sees every one of them move without sleeping.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use chrono::{DateTime, SubsecRound, TimeDelta, Utc};

/// Where the simulator reads the time: the system clock, or a [`ManualClock`].
#[derive(Clone, Debug, Default)]
pub struct Clock(Source);

#[derive(Clone, Debug, Default)]
enum Source {
    #[default]
    System,
    Manual(ManualClock),
}

impl Clock {
    /// The system clock (the default).
    pub fn system() -> Self {
        Self(Source::System)
    }

    /// The current time, truncated to whole seconds as Zoom reports times.
    pub fn now(&self) -> DateTime<Utc> {
        let now = match &self.0 {
            Source::System => Utc::now(),
            Source::Manual(manual) => manual.now(),
        };
        now.trunc_subsecs(0)
    }
}

impl From<ManualClock> for Clock {
    fn from(clock: ManualClock) -> Self {
        Self(Source::Manual(clock))
    }
}

/// A clock that moves only when told to; clones share the same time.
///
/// Hand a clone to [`MockZoomBuilder::clock`](super::MockZoomBuilder::clock) and keep
/// one to [`advance`](ManualClock::advance) past a token's expiry or a rate-limit
/// window.
#[derive(Clone, Debug)]
pub struct ManualClock(Arc<Mutex<DateTime<Utc>>>);

impl ManualClock {
    /// A clock standing at `now`.
    pub fn new(now: DateTime<Utc>) -> Self {
        Self(Arc::new(Mutex::new(now)))
    }

    /// The time it stands at.
    pub fn now(&self) -> DateTime<Utc> {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Moves the clock forward by `by` (saturating at the end of chrono's range).
    pub fn advance(&self, by: Duration) {
        let mut now = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        *now = now
            .checked_add_signed(delta(by))
            .unwrap_or(DateTime::<Utc>::MAX_UTC);
    }

    /// Sets the clock to `now`, forward or back.
    pub fn set(&self, now: DateTime<Utc>) {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = now;
    }
}

/// `d` as a chrono delta, saturating instead of failing on absurd lengths.
pub(crate) fn delta(d: Duration) -> TimeDelta {
    TimeDelta::from_std(d).unwrap_or(TimeDelta::MAX)
}
