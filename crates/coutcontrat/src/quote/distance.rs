//! D5, D27: how much of the teaching is at distance, given as a share or as the Cerfa's hours, and whether it
//! reaches the minoration's threshold (for hours, exactly: `distance_hours ≥ threshold × cfa_hours`).

use rust_decimal::Decimal;

use crate::contract::Contract;
use crate::error::{Error, ErrorKind, Result};

/// The teaching at distance, as the contract gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Distance {
    /// A share from 0 to 1.
    Share(Decimal),
    /// Hours at distance over the CFA's hours (never 0).
    Hours { distance: Decimal, total: Decimal },
}

/// How far a share may stray from the hours it is given with (0,05 point).
const SHARE_HOURS_TOLERANCE: Decimal = Decimal::from_parts(5, 0, 0, false, 4);

impl Distance {
    /// At least `threshold` of the teaching is at distance.
    pub(super) fn reaches(self, threshold: Decimal) -> bool {
        match self {
            Distance::Share(share) => share >= threshold,
            Distance::Hours { distance, total } => distance >= threshold * total,
        }
    }

    /// The share, for the quote's output (hours: to four decimals).
    pub(super) fn share(self) -> Decimal {
        match self {
            Distance::Share(share) => share,
            Distance::Hours { distance, total } => (distance / total).round_dp(4).normalize(),
        }
    }
}

/// The contract's teaching at distance, or the error of hours that cannot be read together.
pub(super) fn distance(c: &Contract) -> Result<Option<Distance>> {
    let hours = match (c.distance_hours, c.cfa_hours) {
        (None, None) => None,
        (Some(_), None) => {
            return Err(Error::new(
                ErrorKind::Missing,
                Some("cfa_hours"),
                "les heures à distance se comptent sur le total des heures en CFA : indiquez-le (Cerfa)",
            ))
        }
        (None, Some(_)) => {
            return Err(Error::new(
                ErrorKind::Missing,
                Some("distance_hours"),
                "indiquez aussi les heures d'enseignement à distance (Cerfa), 0 s'il n'y en a pas",
            ))
        }
        (Some(distance), _) if distance < Decimal::ZERO => {
            return Err(Error::new(
                ErrorKind::OutOfRange,
                Some("distance_hours"),
                format!("{distance} : un nombre d'heures négatif n'a pas de sens ici"),
            ))
        }
        (Some(_), Some(total)) if total <= Decimal::ZERO => {
            return Err(Error::new(
                ErrorKind::OutOfRange,
                Some("cfa_hours"),
                "le nombre d'heures de formation en CFA doit être supérieur à 0",
            ))
        }
        (Some(distance), Some(total)) if distance > total => {
            return Err(Error::new(
                ErrorKind::Inconsistent,
                Some("distance_hours"),
                format!("{distance} heures à distance pour {total} heures en CFA au total : les heures à distance en font partie"),
            ))
        }
        (Some(distance), Some(total)) => Some(Distance::Hours { distance, total }),
    };
    match (hours, c.distance_share) {
        (Some(h), Some(share)) if (h.share() - share).abs() > SHARE_HOURS_TOLERANCE => {
            Err(Error::new(
                ErrorKind::Inconsistent,
                Some("distance_share"),
                format!(
                    "la part à distance ({share}) ne correspond pas aux heures indiquées ({}) : gardez l'une ou l'autre",
                    h.share()
                ),
            ))
        }
        (Some(h), _) => Ok(Some(h)),
        (None, share) => Ok(share.map(Distance::Share)),
    }
}
