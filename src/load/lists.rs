//! People and deployments, converted one item at a time as the file is read.
//!
//! Like customers (see [`super::streamed`]), the items of `people` and `deployments`
//! are converted as soon as each is complete, and the tree keeps none: a file of a
//! million people is a million people in memory, not a million trees as well. A
//! deployment names a customer that may be listed further down the file, so whether it
//! is listed is checked when the loader reaches `deployments`, in the order, and with
//! the messages, it always was.

use super::ErrorKind;
use super::{format, suggest, LoadError, Reader, Result, Seen};
use crate::load::tree::Node;
use crate::model::{Certification, Customer, Deployment, Person};
use std::collections::HashSet;

/// Where a deployment's `customer` is written.
type At = (usize, usize);

/// A deployment with where its customer is written; or why not, with the customer when
/// it was read.
type Converted = std::result::Result<(Deployment, At), (Option<(String, At)>, LoadError)>;

/// Deployments converted so far, each with where its `customer` is written, and the
/// first one that could not be converted.
#[derive(Default)]
pub(super) struct Deployments {
    out: Vec<Deployment>,
    at: Vec<At>,
    failed: Option<Failed>,
}

/// A deployment that could not be converted: its index, its customer when that was read
/// (it is checked before the rest of the deployment), and why.
struct Failed {
    index: usize,
    customer: Option<(String, At)>,
    error: LoadError,
}

impl Deployments {
    /// Converts the item `index`; items after one that failed are not looked at, as the
    /// conversion of the whole list stops there.
    pub fn push(&mut self, reader: &Reader<'_>, index: usize, item: &Node) {
        if self.failed.is_some() {
            return;
        }
        match reader.deployment(index, item) {
            Ok((deployment, at)) => {
                self.out.push(deployment);
                self.at.push(at);
            }
            Err((customer, error)) => {
                self.failed = Some(Failed {
                    index,
                    customer,
                    error,
                })
            }
        }
    }

    /// Whether a deployment could not be converted.
    pub fn failed(&self) -> bool {
        self.failed.is_some()
    }

    /// The deployments, once every customer is known: the first deployment whose
    /// customer is not listed, or that could not be converted, is the error.
    pub fn finish(self, reader: &Reader<'_>, customers: &[Customer]) -> Result<Vec<Deployment>> {
        let ids: HashSet<&str> = customers.iter().map(|c| c.id.as_str()).collect();
        let listed = |index: usize, customer: &str, at: At| {
            if ids.contains(customer) {
                Ok(())
            } else {
                Err(reader.unknown_customer(index, customer, at, customers))
            }
        };
        for (index, (d, at)) in self.out.iter().zip(&self.at).enumerate() {
            listed(index, &d.customer, *at)?;
        }
        match self.failed {
            None => Ok(self.out),
            Some(f) => {
                if let Some((customer, at)) = &f.customer {
                    listed(f.index, customer, *at)?;
                }
                Err(f.error)
            }
        }
    }
}

impl Reader<'_> {
    /// The item `i` of `people`; `seen` knows the ids before it.
    pub(super) fn person(&self, i: usize, item: &Node, seen: &mut Seen<'_>) -> Result<Person> {
        let path = format!("people[{i}]");
        let f = self.fields(item, &path, &format::PERSON)?;
        let id_node = self.required(&f, "id")?;
        let id = self.text(id_node, &f.path("id"), "the person's unique id")?;
        self.unique_id((seen, i), &id, id_node, &f.path("id"), "people")?;
        let associated = f
            .value("associated")
            .map(|n| self.boolean(n, &f.path("associated")))
            .transpose()?
            .unwrap_or(true);
        let mut certifications = Vec::new();
        if let Some(list) = f.get("certifications") {
            let certs = self.seq(
                list,
                &f.path("certifications"),
                "certifications (each with `cert` and `earned`)",
            )?;
            for (j, cert) in certs.iter().enumerate() {
                let cpath = format!("{}[{j}]", f.path("certifications"));
                let c = self.fields(cert, &cpath, &format::CERTIFICATION)?;
                let what = "a certification slug such as `azure-developer-associate` or its \
                            exam code such as `AZ-204`";
                let name_node = self.required(&c, "cert")?;
                let name = self.text(name_node, &c.path("cert"), what)?;
                let earned = self.date(self.required(&c, "earned")?, &c.path("earned"))?;
                let expires = c
                    .value("expires")
                    .map(|n| self.date(n, &c.path("expires")))
                    .transpose()?;
                if let (Some(exp), Some(n)) = (expires, c.value("expires")) {
                    if exp < earned {
                        return Err(self.wrong(
                            n,
                            &c.path("expires"),
                            format!("a date on or after `earned` ({earned})"),
                        ));
                    }
                }
                certifications.push(Certification {
                    cert: name,
                    earned,
                    expires,
                });
            }
        }
        Ok(Person {
            id,
            associated,
            certifications,
        })
    }

    /// The item `i` of `deployments`, with where its `customer` is written; whether that
    /// customer is listed is [`Deployments::finish`]'s to check. On an error, the
    /// customer too when it was read.
    fn deployment(&self, i: usize, item: &Node) -> Converted {
        let path = format!("deployments[{i}]");
        let f = self
            .fields(item, &path, &format::DEPLOYMENT)
            .map_err(|e| (None, e))?;
        let cust_node = self.required(&f, "customer").map_err(|e| (None, e))?;
        let customer = self
            .text(
                cust_node,
                &f.path("customer"),
                "the id of a listed customer",
            )
            .map_err(|e| (None, e))?;
        let at = (cust_node.line, cust_node.col);
        let rest = || -> Result<Deployment> {
            let service = self.text(
                self.required(&f, "service")?,
                &f.path("service"),
                "the Azure service's name",
            )?;
            let service_level = self.whole_number(
                self.required(&f, "service_level")?,
                &f.path("service_level"),
            )?;
            let month = self.month(self.required(&f, "month")?, &f.path("month"))?;
            let attribution = self.deployment_codes(&f)?;
            Ok(Deployment {
                customer: customer.clone(),
                service,
                service_level,
                month,
                attribution,
            })
        };
        match rest() {
            Ok(deployment) => Ok((deployment, at)),
            Err(e) => Err((Some((customer, at)), e)),
        }
    }

    /// A deployment's customer that `customers` does not list.
    fn unknown_customer(
        &self,
        i: usize,
        customer: &str,
        (line, col): At,
        customers: &[Customer],
    ) -> LoadError {
        let known: Vec<&str> = customers.iter().map(|c| c.id.as_str()).collect();
        let hint = suggest(customer, &known)
            .map(|s| format!(" (did you mean `{s}`?)"))
            .unwrap_or_default();
        LoadError::at(
            self.file,
            (line, col),
            &format!("deployments[{i}].customer"),
            format!("`{customer}`, which is not in `customers`"),
            format!("the id of a customer listed under `customers`{hint}"),
            self.text.nth(line.saturating_sub(1)).map(str::to_string),
        )
        .with_kind(ErrorKind::UnknownReference)
    }
}
