//! Update bodies: each property's text kept apart, so that one can be cleared (sent as
//! `null`) after the request is built.

use std::borrow::Cow;

use super::query::unknown_property;
use super::{Request, Update};
use crate::__private::object::Object;
use crate::validation::{ValidationError, Violation, ViolationKind};

impl<T> Request<Update, T> {
    pub(crate) fn from_entries(
        path: String,
        odata_prefix: &'static [u8],
        entries: Vec<(Cow<'static, str>, Vec<u8>)>,
    ) -> Self {
        let kind = Update {
            entries,
            odata_prefix,
        };
        let body = kind.body();
        Self::assemble(path, Some(body), kind)
    }
}

impl Update {
    fn body(&self) -> Vec<u8> {
        let mut body = Vec::with_capacity(
            2 + self.odata_prefix.len() + self.entries.iter().map(|e| e.1.len()).sum::<usize>(),
        );
        body.extend_from_slice(self.odata_prefix);
        for (_, entry) in &self.entries {
            body.extend_from_slice(entry);
        }
        crate::__private::object::finish_object(&mut body, 0);
        body
    }
}

impl<T: Object> Request<Update, T> {
    /// Sends `null` for this declared property (by its JSON name), which clears it in
    /// Graph, replacing any value the body had for it.
    ///
    /// # Errors
    ///
    /// The type declares no such property (the error names the nearest one it does), or
    /// the property is read-only.
    pub fn clear(mut self, name: &str) -> Result<Self, ValidationError> {
        let odata_type = T::INFO.odata_type.unwrap_or("");
        let Some(field) = T::INFO.fields().iter().find(|f| f.name == name) else {
            let declared: Vec<&str> = T::INFO.fields().iter().map(|f| f.name).collect();
            return Err(ValidationError::new(
                odata_type,
                vec![unknown_property(name, &declared)],
            ));
        };
        if field.read_only {
            return Err(ValidationError::new(
                odata_type,
                vec![Violation::new(
                    name.to_owned(),
                    ViolationKind::ReadOnlyProperty,
                )],
            ));
        }
        let mut entry = field.prefix.to_vec();
        entry.extend_from_slice(b"null");
        match self.kind.entries.iter_mut().find(|(n, _)| n == name) {
            Some(existing) => existing.1 = entry,
            None => self.kind.entries.push((Cow::Borrowed(field.name), entry)),
        }
        self.body = Some(self.kind.body());
        Ok(self)
    }
}
