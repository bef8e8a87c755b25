//! Open enumerations: Zoom adds values over time, and one row carrying a value this
//! crate has not heard of must not fail a whole page. Each enum has an `Unknown`
//! variant that keeps the raw text and serializes back unchanged.

use std::convert::Infallible;
use std::fmt;
use std::str::FromStr;

macro_rules! open_enum {
    (
        $(#[$meta:meta])*
        $name:ident, default $default:ident {
            $($(#[$vmeta:meta])* $variant:ident = $text:literal,)+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
            /// A value Zoom sent that this version of the crate does not know, kept verbatim.
            Unknown(String),
        }

        impl $name {
            /// Every value this version of the crate knows.
            pub const KNOWN: &'static [$name] = &[$($name::$variant),+];

            /// The value as Zoom spells it.
            pub fn as_str(&self) -> &str {
                match self {
                    $($name::$variant => $text,)+
                    $name::Unknown(raw) => raw,
                }
            }

            /// Whether this is a value the crate does not know.
            pub fn is_unknown(&self) -> bool {
                matches!(self, $name::Unknown(_))
            }
        }

        impl Default for $name {
            /// Zoom's documented default.
            fn default() -> Self {
                $name::$default
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = Infallible;

            /// Never fails: an unheard-of value becomes `Unknown`.
            fn from_str(s: &str) -> Result<Self, Infallible> {
                Ok(match s {
                    $($text => $name::$variant,)+
                    other => $name::Unknown(other.to_string()),
                })
            }
        }

        impl From<String> for $name {
            fn from(s: String) -> Self {
                match s.as_str() {
                    $($text => $name::$variant,)+
                    _ => $name::Unknown(s),
                }
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> String {
                match value {
                    $name::Unknown(raw) => raw,
                    known => known.as_str().to_string(),
                }
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                String::deserialize(deserializer).map($name::from)
            }
        }

        #[cfg(feature = "schemars")]
        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                std::borrow::Cow::Borrowed(stringify!($name))
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                // Open: any string is valid; the known values are listed as examples.
                schemars::json_schema!({
                    "type": "string",
                    "examples": [$($text),+],
                    "default": $name::$default.as_str(),
                })
            }
        }
    };
}

open_enum! {
    /// The joining user's role type.
    RoleType, default Agent {
        /// `customer`: the user sharing their browser.
        Customer = "customer",
        /// `agent`: the organization's representative.
        Agent = "agent",
    }
}

open_enum! {
    /// The data center where a user's session data is stored.
    DataCenter, default Us {
        /// United States.
        Us = "US",
        /// Australia.
        Au = "AU",
        /// Brazil.
        Br = "BR",
        /// Canada.
        Ca = "CA",
        /// Germany.
        De = "DE",
        /// Hong Kong SAR.
        Hk = "HK",
        /// India.
        In = "IN",
        /// Japan.
        Jp = "JP",
        /// Mainland China.
        Cn = "CN",
        /// Mexico.
        Mx = "MX",
        /// Netherlands.
        Nl = "NL",
        /// Singapore.
        Sg = "SG",
        /// Taiwan.
        Tw = "TW",
    }
}
