//! Tenants as the downloads write them: one per `CustomerTenantId`, compared
//! case-insensitively, with the latest `CustomerName` (`IMPORT.CUSTOMER`). Shared by the
//! Azure and the Microsoft 365 usage downloads.

use crate::model::Month;
use std::collections::HashMap;
use std::ops::Deref;

/// One tenant.
pub(crate) struct Tenant {
    /// The tenant id as first written.
    pub(crate) id: String,
    /// Its latest name, empty when no row names it.
    pub(crate) name: String,
    name_month: Option<Month>,
}

/// The tenants of one download, numbered in the order they first appear.
#[derive(Default)]
pub(crate) struct Tenants {
    list: Vec<Tenant>,
    index: HashMap<String, u32>,
}

impl Tenants {
    /// The number of the tenant `id`, added when new; `name` (when not empty) becomes
    /// its name unless a later month already named it.
    pub(crate) fn id(&mut self, id: &str, name: &str, month: Month) -> u32 {
        let key = id.to_ascii_lowercase();
        let i = match self.index.get(&key) {
            Some(&i) => i,
            None => {
                let i = self.list.len() as u32;
                self.list.push(Tenant {
                    id: id.to_string(),
                    name: String::new(),
                    name_month: None,
                });
                self.index.insert(key, i);
                i
            }
        };
        let t = &mut self.list[i as usize];
        // Later rows of the latest month win, so the name is the file's last word on it.
        if !name.is_empty() && t.name_month <= Some(month) {
            if t.name != name {
                t.name = name.to_string();
            }
            t.name_month = Some(month);
        }
        i
    }
}

impl Deref for Tenants {
    type Target = [Tenant];
    fn deref(&self) -> &[Tenant] {
        &self.list
    }
}
