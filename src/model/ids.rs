//! Ids as their own types: a plan id cannot be passed where a division id is
//! meant. Each is built only by `validate` (after the id was checked) and
//! serialises as the plain string it wraps, so output is unchanged.

use std::fmt;

/// Declares a string id newtype with the common read-only traits.
macro_rules! string_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// Wraps an id that `validate` has checked.
            pub(crate) fn new(id: impl Into<String>) -> Self {
                $name(id.into())
            }

            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::ops::Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        impl PartialEq<String> for $name {
            fn eq(&self, other: &String) -> bool {
                &self.0 == other
            }
        }

        impl PartialEq<$name> for String {
            fn eq(&self, other: &$name) -> bool {
                *self == other.0
            }
        }

        impl PartialEq<$name> for str {
            fn eq(&self, other: &$name) -> bool {
                self == other.0
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }
    };
}

string_id!(
    /// A plan's id: its folder name, URL-safe.
    PlanId
);
string_id!(
    /// A division's id 所属ID, URL-safe and unique in `divisions.yaml`.
    DivisionId
);
string_id!(
    /// An indicator's id 指標ID, unique in its plan.
    IndicatorId
);

/// Declares a number newtype for the nodes of a plan's structure.
macro_rules! number_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub(super) u32);

        impl $name {
            /// Wraps a number that `validate` has checked.
            pub(crate) fn new(n: u32) -> Self {
                $name(n)
            }

            /// The number.
            pub fn get(self) -> u32 {
                self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl PartialEq<u32> for $name {
            fn eq(&self, other: &u32) -> bool {
                self.0 == *other
            }
        }
    };
}

number_id!(
    /// An item's number 実施項目番号, unique in its plan.
    ItemNumber
);
number_id!(
    /// A goal's number (first level of the structure), unique in its plan.
    GoalNumber
);
number_id!(
    /// A policy's number (second level), unique in its plan.
    PolicyNumber
);
number_id!(
    /// A third-level node's number (plans of four levels), unique in its plan.
    NodeNumber
);
