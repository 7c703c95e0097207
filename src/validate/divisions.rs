//! `divisions.yaml`: ids, names and aliases unique, and the lookup items use
//! to name a division by id, name or alias.

use super::*;

pub(super) fn divisions(src: &Sourced<RawDivisions>, diags: &mut Diagnostics) -> Vec<Division> {
    let ck = &mut Checker::new(src.file.as_str(), diags);
    let mut seen_ids: HashMap<&str, u64> = HashMap::new();
    let mut seen_names: HashMap<&str, u64> = HashMap::new();
    let mut out = Vec::new();
    for d in &src.value.divisions {
        ck.check_id(&d.id, "division");
        if let Some(line) = seen_ids.insert(&d.id.value, d.id.referenced.line()) {
            ck.error(
                &d.id,
                "duplicate-id",
                format!("duplicate division id `{}`", d.id.value),
                format!("it is already used on line {line}; each division needs its own id"),
            );
        }
        for name in std::iter::once(&d.name).chain(&d.aliases) {
            if let Some(line) = seen_names.insert(&name.value, name.referenced.line()) {
                ck.error(name,
                    "duplicate-name",
                    format!("division name `{}` is used twice", name.value),
                    format!("it is already used on line {line}; a name or alias must point to one division"),
                );
            }
        }
        out.push(Division {
            id: DivisionId::new(d.id.value.clone()),
            name: d.name.value.clone(),
            bureau: d.bureau.clone(),
            aliases: d.aliases.iter().map(|a| a.value.clone()).collect(),
            contact: d.contact.clone().filter(|c| !c.trim().is_empty()),
            url: d.url.as_ref().map(|u| ck.link_url(u)),
        });
    }
    out
}

/// Finds divisions by id, name or alias.
pub(super) struct DivisionLookup<'a> {
    by_key: HashMap<&'a str, &'a str>,
    names: Vec<&'a str>,
    /// Whether the divisions file was read; if not, names are not checked.
    known: bool,
}

impl<'a> DivisionLookup<'a> {
    pub(super) fn new(divisions: &'a [Division], known: bool) -> Self {
        let mut by_key = HashMap::new();
        for d in divisions {
            by_key.insert(d.id.as_str(), d.id.as_str());
            // An id with a stray space is already an error; found by its
            // visible part it causes no second one.
            by_key.insert(d.id.trim(), d.id.as_str());
            by_key.insert(d.name.as_str(), d.id.as_str());
            for a in &d.aliases {
                by_key.insert(a.as_str(), d.id.as_str());
            }
        }
        let names = divisions.iter().map(|d| d.name.as_str()).collect();
        DivisionLookup {
            by_key,
            names,
            known,
        }
    }

    pub(super) fn resolve(
        &self,
        refs: &[Spanned<String>],
        ck: &mut Checker<'_>,
    ) -> Vec<DivisionId> {
        let mut ids: Vec<DivisionId> = Vec::new();
        for r in refs {
            match self.by_key.get(r.value.trim()) {
                Some(id) if ids.iter().any(|x| x == id) => ck.error(
                    r,
                    "duplicate-reference",
                    format!("division `{}` is listed twice", r.value),
                    "list each division once",
                ),
                Some(id) => ids.push(DivisionId::new(*id)),
                None if !self.known => {}
                None => {
                    let hint = match closest(&r.value, self.names.iter().copied()) {
                        Some(near) => format!("did you mean `{near}`? Divisions are listed in content/divisions.yaml; add it there if it is new"),
                        None => "use a division id or name from content/divisions.yaml, or add the division there".to_string(),
                    };
                    ck.error(
                        r,
                        "unknown-division",
                        format!("unknown division `{}`", r.value),
                        hint,
                    );
                }
            }
        }
        ids
    }
}
