//! A parameter as a step function of the date of conclusion, with the provenance of each step.

use jiff::civil::Date;
#[cfg(feature = "toml")]
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

#[cfg(feature = "toml")]
use crate::error::{Error, ErrorKind, Result};

/// Where a figure comes from: the parameter, its article and the text that fixed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Provenance {
    /// The parameter's name in the data file (`participation`, `amorcage`…).
    pub parameter: String,
    /// Its label, in French.
    pub label: String,
    /// The article of the Code du travail.
    pub article: String,
    /// The text (decree, arrêté) that fixed the value, and its date.
    pub reference: String,
    /// The first date of conclusion this value applies to.
    pub from: Date,
    /// The day someone last checked it was still in force.
    pub last_checked: Date,
    /// True when the value rests on a source of low confidence.
    pub to_confirm: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawParam<T> {
    pub(crate) label: String,
    pub(crate) article: String,
    #[serde(default)]
    pub(crate) reference: String,
    #[serde(deserialize_with = "de_date")]
    pub(crate) last_checked: Date,
    #[serde(default)]
    #[allow(dead_code)]
    pub(crate) unit: Option<String>,
    pub(crate) steps: Vec<RawStep<T>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawStep<T> {
    #[serde(deserialize_with = "de_date")]
    pub(crate) from: Date,
    pub(crate) value: T,
    #[serde(default)]
    pub(crate) to_confirm: bool,
    #[serde(default)]
    pub(crate) article: Option<String>,
    #[serde(default)]
    pub(crate) reference: Option<String>,
}

/// A parameter as static data: how a generated book whose values are constants is written, so that the
/// page carries data instead of the code that would build it.
pub(crate) struct StaticParam<T: 'static> {
    pub(crate) label: &'static str,
    pub(crate) article: &'static str,
    pub(crate) reference: &'static str,
    pub(crate) last_checked: Date,
    pub(crate) unit: Option<&'static str>,
    pub(crate) steps: &'static [StaticStep<T>],
}

/// One step of a [`StaticParam`].
pub(crate) struct StaticStep<T> {
    pub(crate) from: Date,
    pub(crate) value: T,
    pub(crate) to_confirm: bool,
    pub(crate) article: Option<&'static str>,
    pub(crate) reference: Option<&'static str>,
}

/// A parameter as a step function of the date of conclusion.
#[derive(Debug, Clone)]
pub struct Dated<T> {
    name: &'static str,
    raw: RawParam<T>,
}

impl<T: Clone> Dated<T> {
    /// A parameter read from TOML, its values typed: the steps' structure is read once as TOML values, so that
    /// only each value is typed.
    #[cfg(feature = "toml")]
    pub(crate) fn read(name: &'static str, raw: RawParam<toml::Value>) -> Result<Self>
    where
        T: DeserializeOwned,
    {
        let mut steps = Vec::with_capacity(raw.steps.len());
        for s in raw.steps {
            steps.push(RawStep {
                from: s.from,
                value: T::deserialize(s.value)
                    .map_err(|e| data_error(name, &format!("valeur du {} : {e}", s.from)))?,
                to_confirm: s.to_confirm,
                article: s.article,
                reference: s.reference,
            });
        }
        let raw = RawParam {
            label: raw.label,
            article: raw.article,
            reference: raw.reference,
            last_checked: raw.last_checked,
            unit: raw.unit,
            steps,
        };
        Dated::new(name, raw)
    }

    /// A parameter as generated from the data file (`generated.rs`), whose steps were checked then.
    pub(crate) fn generated(name: &'static str, raw: RawParam<T>) -> Self {
        Dated { name, raw }
    }

    /// A parameter from its static form (a generated book), whose steps were checked when generated.
    pub(crate) fn from_static(name: &'static str, p: &StaticParam<T>) -> Self {
        Dated {
            name,
            raw: RawParam {
                label: p.label.to_owned(),
                article: p.article.to_owned(),
                reference: p.reference.to_owned(),
                last_checked: p.last_checked,
                unit: p.unit.map(str::to_owned),
                steps: p
                    .steps
                    .iter()
                    .map(|s| RawStep {
                        from: s.from,
                        value: s.value.clone(),
                        to_confirm: s.to_confirm,
                        article: s.article.map(str::to_owned),
                        reference: s.reference.map(str::to_owned),
                    })
                    .collect(),
            },
        }
    }

    /// The parameter as read, for the generator of `generated.rs`.
    #[cfg(test)]
    pub(crate) fn raw(&self) -> &RawParam<T> {
        &self.raw
    }

    #[cfg(feature = "toml")]
    pub(crate) fn new(name: &'static str, raw: RawParam<T>) -> Result<Self> {
        if raw.steps.is_empty() {
            return Err(data_error(name, "aucune valeur datée"));
        }
        if raw.steps.windows(2).any(|w| w[0].from >= w[1].from) {
            return Err(data_error(
                name,
                "les valeurs datées doivent être dans l'ordre croissant de `from`",
            ));
        }
        Ok(Dated { name, raw })
    }

    /// The parameter's name in the data file.
    pub(crate) fn name(&self) -> &'static str {
        self.name
    }

    /// The first date of each step.
    pub(crate) fn froms(&self) -> impl Iterator<Item = Date> + '_ {
        self.raw.steps.iter().map(|s| s.from)
    }

    /// The day the value was last checked.
    pub fn last_checked(&self) -> Date {
        self.raw.last_checked
    }

    /// The step in force on `date`.
    fn step_at(&self, date: Date) -> Option<&RawStep<T>> {
        self.raw.steps.iter().rev().find(|s| s.from <= date)
    }

    /// The value in force on `date`, without its provenance (for a loop over months).
    pub fn value_at(&self, date: Date) -> Option<&T> {
        self.step_at(date).map(|s| &s.value)
    }

    /// The value in force on `date` and whether it is still to be confirmed, without its provenance.
    pub(crate) fn value_and_to_confirm_at(&self, date: Date) -> Option<(&T, bool)> {
        self.step_at(date).map(|s| (&s.value, s.to_confirm))
    }

    /// The label and article of the step in force on `date`, borrowed (a line's name in a total).
    pub(crate) fn label_and_article_at(&self, date: Date) -> Option<(&str, &str)> {
        let step = self.step_at(date)?;
        Some((
            &self.raw.label,
            step.article.as_deref().unwrap_or(&self.raw.article),
        ))
    }

    /// The value in force for a contract concluded on `date`, with its provenance.
    pub fn at(&self, date: Date) -> Option<(T, Provenance)> {
        let step = self.step_at(date)?;
        let provenance = Provenance {
            parameter: self.name.to_owned(),
            label: self.raw.label.clone(),
            article: step
                .article
                .clone()
                .unwrap_or_else(|| self.raw.article.clone()),
            reference: step
                .reference
                .clone()
                .unwrap_or_else(|| self.raw.reference.clone()),
            from: step.from,
            last_checked: self.raw.last_checked,
            to_confirm: step.to_confirm,
        };
        Some((step.value.clone(), provenance))
    }
}

/// A date of a parameter file (`AAAA-MM-JJ`), read by the core's own small parser: jiff's would bring its
/// whole temporal parser (time zones, RFC 9557, their messages) into the page, which reads no other date text.
pub(crate) fn de_date<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> std::result::Result<Date, D::Error> {
    let text = String::deserialize(d)?;
    crate::contract::parse_date(&text, "date").map_err(|e| serde::de::Error::custom(e.message()))
}

/// [`de_date`] for an optional date.
pub(crate) fn de_opt_date<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<Date>, D::Error> {
    Option::<String>::deserialize(d)?
        .map(|text| {
            crate::contract::parse_date(&text, "date")
                .map_err(|e| serde::de::Error::custom(e.message()))
        })
        .transpose()
}

#[cfg(feature = "toml")]
pub(crate) fn data_error(name: &str, what: &str) -> Error {
    Error::new(
        ErrorKind::Data,
        None,
        format!("paramètre `{name}` du fichier de paramètres : {what}"),
    )
}
