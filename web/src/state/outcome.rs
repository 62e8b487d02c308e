//! What the core makes of the form: the quote, or each field's message.

use coutcontrat::contract::fields;
use coutcontrat::contract::{parse_idcc, Loose};
use coutcontrat::error::ErrorKind;
use coutcontrat::referentiel::{Branch, Certification};
use coutcontrat::{ContractInput, Quote, Quoter};
use jiff::civil::Date;

use super::field::{DistanceMode, Field, Flag};
use super::form::{FieldError, Form};
use crate::data::Catalog;

/// The branch the IDCC (or the chosen CPNE) points to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BranchInfo {
    /// The IDCC, when one is given.
    pub idcc: Option<u32>,
    /// The collective agreement's name (or the CPNE's, without IDCC).
    pub label: String,
    /// The OPCO, when known.
    pub opco: Option<String>,
    /// The CPNE the IDCC maps to: several means the visitor must choose (D12), never the page.
    pub cpne: Vec<Branch>,
}

/// What the core makes of the form.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Outcome {
    /// The quote, when every field is right. It holds the employer's whole cost
    /// ([`Quote::net_cost`]) when that is asked for and its fields are right too.
    pub quote: Option<Quote>,
    /// Messages by field, in the order of the form: they prevent the quote.
    pub errors: Vec<FieldError>,
    /// A message that concerns no field in particular.
    pub general: Option<String>,
    /// Messages that only prevent the employer's whole cost (its own fields, or what the core needs
    /// for it: the level, a hiring-aid rule at the date of conclusion): the quote is still shown.
    pub net_errors: Vec<FieldError>,
    /// A message that only prevents the employer's whole cost and concerns no field.
    pub net_general: Option<String>,
    /// The certification chosen, when the référentiel knows it.
    pub certification: Option<Certification>,
    /// The branch of the IDCC or CPNE given.
    pub branch: Option<BranchInfo>,
}

impl Outcome {
    /// The message of a field, if any.
    pub fn error(&self, field: Field) -> Option<&FieldError> {
        self.errors
            .iter()
            .chain(&self.net_errors)
            .find(|e| e.field == field)
    }

    /// Files a message: with those of the whole cost when the field is one of its own.
    pub(super) fn push(&mut self, error: FieldError) {
        if error.field.is_net_cost() {
            self.net_errors.push(error);
        } else {
            self.errors.push(error);
        }
    }
}

/// Empties the input the core named in an error, so that the other fields are still checked (no quote
/// is made while any field is wrong); a required one gets a valid stand-in instead, so that it is not
/// reported missing as well. False for a name that is none of the inputs.
fn clear(input: &mut ContractInput, field: &str) -> bool {
    let Some(spec) = fields::spec(field) else {
        return false;
    };
    let stand_in = match spec.kind {
        _ if !spec.required => None,
        fields::FieldKind::Date => Some("2025-09-01"),
        _ => Some("0"),
    };
    *(spec.slot)(input) = stand_in.map(|v| Loose(v.into()));
    true
}

fn field_error(
    form: &Form,
    branch: Option<&BranchInfo>,
    e: &coutcontrat::Error,
) -> Option<FieldError> {
    let name = e.field()?;
    let mut field = Field::from_core(name)?;
    let mut message = e.message().to_owned();
    match field {
        Field::DistanceShare if form.distance_mode == DistanceMode::Hours => {
            field = Field::DistanceHours;
        }
        Field::DistanceShare if e.kind() == ErrorKind::OutOfRange => {
            message = format!(
                "{} % : la part à distance va de 0 à 100 %",
                form.text(Field::DistanceShare)
                    .trim()
                    .trim_end_matches('%')
                    .trim()
            );
        }
        // Without a list of CPNE to choose from, the message goes to the branch box.
        Field::Cpne if branch.is_none_or(|b| b.cpne.len() < 2) => field = Field::BranchQuery,
        _ => {}
    }
    Some(FieldError::new(
        field,
        message,
        e.kind() == ErrorKind::Missing,
    ))
}

fn branch_info(form: &Form, on: Date, catalog: Catalog) -> Option<BranchInfo> {
    let r = catalog.referentiel();
    let branch = |cpne: u32| Branch {
        cpne,
        label: r.cpne_label(cpne).unwrap_or_default().to_owned(),
    };
    if let Ok(idcc) = parse_idcc(form.text(Field::Idcc), "idcc") {
        let info = r.idcc(idcc);
        return Some(BranchInfo {
            idcc: Some(idcc),
            label: info.map(|i| i.label.clone()).unwrap_or_default(),
            opco: info.and_then(|i| i.opco.clone()),
            cpne: r.cpne_of_idcc(idcc, on).into_iter().map(branch).collect(),
        });
    }
    let cpne: u32 = form.text(Field::Cpne).trim().parse().ok()?;
    Some(BranchInfo {
        idcc: None,
        label: r.cpne_label(cpne).unwrap_or_default().to_owned(),
        opco: None,
        cpne: vec![branch(cpne)],
    })
}

/// What the core makes of a form: every field's own message (each field is checked even when another is
/// wrong), then, when all are right, the quote or the one problem that prevents it.
pub fn compute(form: &Form, on: Date, catalog: Catalog) -> Outcome {
    let mut out = Outcome {
        certification: find_certification(form.text(Field::Rncp).trim(), catalog),
        branch: branch_info(form, on, catalog),
        ..Outcome::default()
    };
    let (mut input, page_errors) = form.contract_input();
    for e in page_errors {
        out.push(e);
    }
    let mut contract = None;
    for _ in 0..=Field::ALL.len() + Flag::ALL.len() {
        match input.parse() {
            Ok(c) => {
                contract = Some(c);
                break;
            }
            Err(e) => {
                match field_error(form, out.branch.as_ref(), &e) {
                    Some(fe) => out.push(fe),
                    None => out.general = Some(e.message().to_owned()),
                }
                if !e.field().is_some_and(|f| clear(&mut input, f)) {
                    break;
                }
            }
        }
    }
    if let (Some(contract), true, None) = (contract, out.errors.is_empty(), &out.general) {
        // Only this certification's rows are decoded (data.rs); their lookups are the whole table's.
        let table = catalog.referentiel_for(contract.rncp.as_deref());
        let quoter = Quoter::new(&table);
        // The whole cost is a separate part of the quote: what prevents it never hides the rest.
        let asks_net = contract.birth_date.is_some() || contract.monthly_salary.is_some();
        let full = (asks_net && out.net_errors.is_empty()).then(|| quoter.quote(&contract));
        match full {
            Some(Ok(quote)) => out.quote = Some(quote),
            full => {
                let mut without_net = contract;
                without_net.birth_date = None;
                without_net.monthly_salary = None;
                match quoter.quote(&without_net) {
                    Ok(quote) => {
                        out.quote = Some(quote);
                        if let Some(Err(e)) = full {
                            match field_error(form, out.branch.as_ref(), &e) {
                                Some(fe) => out.net_errors.push(fe),
                                None => out.net_general = Some(e.message().to_owned()),
                            }
                        }
                    }
                    Err(e) => {
                        // The same refusal with the whole cost says more (D24: the minimum salary).
                        let e = match full {
                            Some(Err(whole))
                                if whole.code() == e.code() && whole.field() == e.field() =>
                            {
                                whole
                            }
                            _ => e,
                        };
                        match field_error(form, out.branch.as_ref(), &e) {
                            Some(fe) => out.push(fe),
                            None => out.general = Some(e.message().to_owned()),
                        }
                    }
                }
            }
        }
    }
    // One function for both lists: each sorting closure is a copy of the sort in the WebAssembly.
    fn in_form_order(errors: &mut [FieldError]) {
        errors.sort_by_key(|e| Field::ALL.iter().position(|x| *x == e.field));
    }
    in_form_order(&mut out.errors);
    in_form_order(&mut out.net_errors);
    out
}

/// The certification of this RNCP code, when the référentiel or the certification index knows it.
pub(super) fn find_certification(code: &str, catalog: Catalog) -> Option<Certification> {
    let exact = |hits: Vec<Certification>| hits.into_iter().find(|c| c.rncp == code);
    exact(catalog.certifications.search(code, 1))
        .or_else(|| crate::registry::loaded().and_then(|r| exact(r.search(code, 1))))
}
