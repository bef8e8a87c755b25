// Generated from openapi/cobrowse-webhooks.yaml by zoom-cobrowse-codegen; do not edit.

#[allow(unused_imports)]
pub use progenitor_client::{ByteStream, ClientInfo, Error, ResponseValue};
#[allow(unused_imports)]
use progenitor_client::{encode_path, ClientHooks, OperationInfo, RequestBuilderExt};
/// Types used as operation parameters and responses.
#[allow(clippy::all)]
pub mod types {
    ///`cobrowse.session_ended`: someone ended the session, or every user left. Requires the "End session" subscription of the Cobrowse SDK event.
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Debug,
        PartialEq,
        schemars::JsonSchema
    )]
    pub struct CobrowseSessionEnded {
        ///The name of the event, `cobrowse.session_ended`.
        pub event: ::std::string::String,
        ///When the event occurred, in milliseconds since the Unix epoch.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub event_ts: ::std::option::Option<i64>,
        pub payload: SessionEndedPayload,
    }
    impl CobrowseSessionEnded {
        pub fn builder() -> builder::CobrowseSessionEnded {
            Default::default()
        }
    }
    ///`cobrowse.session_started`: the first user joined a session. Requires the "Start session" subscription of the Cobrowse SDK event.
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Debug,
        PartialEq,
        schemars::JsonSchema
    )]
    pub struct CobrowseSessionStarted {
        ///The name of the event, `cobrowse.session_started`.
        pub event: ::std::string::String,
        ///When the event occurred, in milliseconds since the Unix epoch.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub event_ts: ::std::option::Option<i64>,
        pub payload: SessionStartedPayload,
    }
    impl CobrowseSessionStarted {
        pub fn builder() -> builder::CobrowseSessionStarted {
            Default::default()
        }
    }
    ///`cobrowse.session_user_joined`: a user joined a session (once per connection). Requires the "User joined" subscription of the Cobrowse SDK event.
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Debug,
        PartialEq,
        schemars::JsonSchema
    )]
    pub struct CobrowseSessionUserJoined {
        ///The name of the event, `cobrowse.session_user_joined`.
        pub event: ::std::string::String,
        ///When the event occurred, in milliseconds since the Unix epoch.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub event_ts: ::std::option::Option<i64>,
        pub payload: SessionUserJoinedPayload,
    }
    impl CobrowseSessionUserJoined {
        pub fn builder() -> builder::CobrowseSessionUserJoined {
            Default::default()
        }
    }
    ///`cobrowse.session_user_left`: a user left a session (once per connection). Requires the "User left" subscription of the Cobrowse SDK event.
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Debug,
        PartialEq,
        schemars::JsonSchema
    )]
    pub struct CobrowseSessionUserLeft {
        ///The name of the event, `cobrowse.session_user_left`.
        pub event: ::std::string::String,
        ///When the event occurred, in milliseconds since the Unix epoch.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub event_ts: ::std::option::Option<i64>,
        pub payload: SessionUserLeftPayload,
    }
    impl CobrowseSessionUserLeft {
        pub fn builder() -> builder::CobrowseSessionUserLeft {
            Default::default()
        }
    }
    ///`endpoint.url_validation`: Zoom checks that the endpoint holds the webhook secret token, when the URL is saved and again every 72 hours. Answer 200 with a `UrlValidationResponse` within 3 seconds.
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Debug,
        PartialEq,
        schemars::JsonSchema
    )]
    pub struct EndpointUrlValidation {
        ///The name of the event, `endpoint.url_validation`.
        pub event: ::std::string::String,
        ///When the event occurred, in milliseconds since the Unix epoch.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub event_ts: ::std::option::Option<i64>,
        pub payload: UrlValidationPayload,
    }
    impl EndpointUrlValidation {
        pub fn builder() -> builder::EndpointUrlValidation {
            Default::default()
        }
    }
    ///The session that ended.
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Debug,
        PartialEq,
        schemars::JsonSchema
    )]
    pub struct SessionEndedObject {
        ///Why the session ended. Known values: `The session ended`, `Network connection error`, `Unknown reason`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub end_reason: ::std::option::Option<::std::string::String>,
        ///The session's end time.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub end_time: ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub role_type: ::std::option::Option<crate::open_enums::RoleType>,
        ///The Cobrowse session's ID.
        pub session_id: ::std::string::String,
        ///The session's pin code, which users join the session with.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub session_pin: ::std::option::Option<::std::string::String>,
        ///The session's start time.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub start_time: ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
        ///The ID of the user who ended the session, unique to the user and valid for this session only.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub user_id: ::std::option::Option<::std::string::String>,
        ///The user's display name.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub user_name: ::std::option::Option<::std::string::String>,
    }
    impl SessionEndedObject {
        pub fn builder() -> builder::SessionEndedObject {
            Default::default()
        }
    }
    ///`SessionEndedPayload`
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Debug,
        PartialEq,
        schemars::JsonSchema
    )]
    pub struct SessionEndedPayload {
        ///The account ID.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub account_id: ::std::option::Option<::std::string::String>,
        pub object: SessionEndedObject,
    }
    impl SessionEndedPayload {
        pub fn builder() -> builder::SessionEndedPayload {
            Default::default()
        }
    }
    ///The session that started.
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Debug,
        PartialEq,
        schemars::JsonSchema
    )]
    pub struct SessionStartedObject {
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub role_type: ::std::option::Option<crate::open_enums::RoleType>,
        ///The Cobrowse session's ID.
        pub session_id: ::std::string::String,
        ///The session's start time.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub start_time: ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
        ///The URL the session started from.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub start_url: ::std::option::Option<::std::string::String>,
        ///The ID of the user who started the session, unique to the user and valid for this session only.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub user_id: ::std::option::Option<::std::string::String>,
        ///The user's display name.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub user_name: ::std::option::Option<::std::string::String>,
    }
    impl SessionStartedObject {
        pub fn builder() -> builder::SessionStartedObject {
            Default::default()
        }
    }
    ///`SessionStartedPayload`
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Debug,
        PartialEq,
        schemars::JsonSchema
    )]
    pub struct SessionStartedPayload {
        ///The account ID.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub account_id: ::std::option::Option<::std::string::String>,
        pub object: SessionStartedObject,
    }
    impl SessionStartedPayload {
        pub fn builder() -> builder::SessionStartedPayload {
            Default::default()
        }
    }
    ///The user who joined, and the session.
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Debug,
        PartialEq,
        schemars::JsonSchema
    )]
    pub struct SessionUserJoinedObject {
        ///When the user joined the session.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub join_time: ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub role_type: ::std::option::Option<crate::open_enums::RoleType>,
        ///The Cobrowse session's ID.
        pub session_id: ::std::string::String,
        ///The ID of this connection; each join of a user gets its own.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub user_connection_id: ::std::option::Option<::std::string::String>,
        ///The user's ID, unique to the user and valid for this session only.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub user_id: ::std::option::Option<::std::string::String>,
        ///The user's display name.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub user_name: ::std::option::Option<::std::string::String>,
    }
    impl SessionUserJoinedObject {
        pub fn builder() -> builder::SessionUserJoinedObject {
            Default::default()
        }
    }
    ///`SessionUserJoinedPayload`
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Debug,
        PartialEq,
        schemars::JsonSchema
    )]
    pub struct SessionUserJoinedPayload {
        ///The account ID.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub account_id: ::std::option::Option<::std::string::String>,
        pub object: SessionUserJoinedObject,
    }
    impl SessionUserJoinedPayload {
        pub fn builder() -> builder::SessionUserJoinedPayload {
            Default::default()
        }
    }
    ///The user who left, and the session.
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Debug,
        PartialEq,
        schemars::JsonSchema
    )]
    pub struct SessionUserLeftObject {
        ///Why the user left. Known values: `Left the session` (Zoom's default), `Got disconnected from the session`, `The session end`, `Network connection error`, `Unknown reason`.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub leave_reason: ::std::option::Option<::std::string::String>,
        ///When the user left the session.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub leave_time: ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub role_type: ::std::option::Option<crate::open_enums::RoleType>,
        ///The Cobrowse session's ID.
        pub session_id: ::std::string::String,
        ///The ID of the connection that ended; each join of a user gets its own.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub user_connection_id: ::std::option::Option<::std::string::String>,
        ///The user's ID, unique to the user and valid for this session only.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub user_id: ::std::option::Option<::std::string::String>,
        ///The user's display name.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub user_name: ::std::option::Option<::std::string::String>,
    }
    impl SessionUserLeftObject {
        pub fn builder() -> builder::SessionUserLeftObject {
            Default::default()
        }
    }
    ///`SessionUserLeftPayload`
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Debug,
        PartialEq,
        schemars::JsonSchema
    )]
    pub struct SessionUserLeftPayload {
        ///The account ID.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub account_id: ::std::option::Option<::std::string::String>,
        pub object: SessionUserLeftObject,
    }
    impl SessionUserLeftPayload {
        pub fn builder() -> builder::SessionUserLeftPayload {
            Default::default()
        }
    }
    ///`UrlValidationPayload`
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Debug,
        PartialEq,
        schemars::JsonSchema
    )]
    pub struct UrlValidationPayload {
        ///The random token the answer must echo and sign.
        #[serde(rename = "plainToken")]
        pub plain_token: ::std::string::String,
    }
    impl UrlValidationPayload {
        pub fn builder() -> builder::UrlValidationPayload {
            Default::default()
        }
    }
    ///The answer to `endpoint.url_validation`.
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Debug,
        PartialEq,
        schemars::JsonSchema
    )]
    pub struct UrlValidationResponse {
        ///Lowercase hex HMAC-SHA256 of `plainToken`, keyed with the webhook secret token.
        #[serde(rename = "encryptedToken")]
        pub encrypted_token: ::std::string::String,
        ///The `plainToken` of the challenge, unchanged.
        #[serde(rename = "plainToken")]
        pub plain_token: ::std::string::String,
    }
    impl UrlValidationResponse {
        pub fn builder() -> builder::UrlValidationResponse {
            Default::default()
        }
    }
    ///The envelope of every delivery. `event` names the event and decides the shape of `payload`: see `CobrowseSessionStarted`, `CobrowseSessionEnded`, `CobrowseSessionUserJoined`, `CobrowseSessionUserLeft` and `EndpointUrlValidation`.
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Debug,
        PartialEq,
        schemars::JsonSchema
    )]
    pub struct WebhookEvent {
        ///The name of the event.
        pub event: ::std::string::String,
        ///When the event occurred, in milliseconds since the Unix epoch.
        #[serde(skip_serializing_if = "::std::option::Option::is_none")]
        pub event_ts: ::std::option::Option<i64>,
        ///The event's fields.
        pub payload: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
    }
    impl WebhookEvent {
        pub fn builder() -> builder::WebhookEvent {
            Default::default()
        }
    }
    /// Types for composing complex structures.
    pub mod builder {
        #[derive(Clone, Debug)]
        pub struct CobrowseSessionEnded {
            event: ::std::result::Result<::std::string::String, ::std::string::String>,
            event_ts: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
            payload: ::std::result::Result<
                super::SessionEndedPayload,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for CobrowseSessionEnded {
            fn default() -> Self {
                Self {
                    event: Err("no value supplied for event".to_string()),
                    event_ts: Ok(Default::default()),
                    payload: Err("no value supplied for payload".to_string()),
                }
            }
        }
        impl CobrowseSessionEnded {
            pub fn event<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.event = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for event: {e}")
                    });
                self
            }
            pub fn event_ts<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.event_ts = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for event_ts: {e}")
                    });
                self
            }
            pub fn payload<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::SessionEndedPayload>,
                T::Error: ::std::fmt::Display,
            {
                self.payload = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for payload: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<CobrowseSessionEnded>
        for super::CobrowseSessionEnded {
            type Error = super::error::ConversionError;
            fn try_from(
                value: CobrowseSessionEnded,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    event: value.event?,
                    event_ts: value.event_ts?,
                    payload: value.payload?,
                })
            }
        }
        impl ::std::convert::From<super::CobrowseSessionEnded> for CobrowseSessionEnded {
            fn from(value: super::CobrowseSessionEnded) -> Self {
                Self {
                    event: Ok(value.event),
                    event_ts: Ok(value.event_ts),
                    payload: Ok(value.payload),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct CobrowseSessionStarted {
            event: ::std::result::Result<::std::string::String, ::std::string::String>,
            event_ts: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
            payload: ::std::result::Result<
                super::SessionStartedPayload,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for CobrowseSessionStarted {
            fn default() -> Self {
                Self {
                    event: Err("no value supplied for event".to_string()),
                    event_ts: Ok(Default::default()),
                    payload: Err("no value supplied for payload".to_string()),
                }
            }
        }
        impl CobrowseSessionStarted {
            pub fn event<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.event = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for event: {e}")
                    });
                self
            }
            pub fn event_ts<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.event_ts = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for event_ts: {e}")
                    });
                self
            }
            pub fn payload<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::SessionStartedPayload>,
                T::Error: ::std::fmt::Display,
            {
                self.payload = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for payload: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<CobrowseSessionStarted>
        for super::CobrowseSessionStarted {
            type Error = super::error::ConversionError;
            fn try_from(
                value: CobrowseSessionStarted,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    event: value.event?,
                    event_ts: value.event_ts?,
                    payload: value.payload?,
                })
            }
        }
        impl ::std::convert::From<super::CobrowseSessionStarted>
        for CobrowseSessionStarted {
            fn from(value: super::CobrowseSessionStarted) -> Self {
                Self {
                    event: Ok(value.event),
                    event_ts: Ok(value.event_ts),
                    payload: Ok(value.payload),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct CobrowseSessionUserJoined {
            event: ::std::result::Result<::std::string::String, ::std::string::String>,
            event_ts: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
            payload: ::std::result::Result<
                super::SessionUserJoinedPayload,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for CobrowseSessionUserJoined {
            fn default() -> Self {
                Self {
                    event: Err("no value supplied for event".to_string()),
                    event_ts: Ok(Default::default()),
                    payload: Err("no value supplied for payload".to_string()),
                }
            }
        }
        impl CobrowseSessionUserJoined {
            pub fn event<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.event = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for event: {e}")
                    });
                self
            }
            pub fn event_ts<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.event_ts = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for event_ts: {e}")
                    });
                self
            }
            pub fn payload<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::SessionUserJoinedPayload>,
                T::Error: ::std::fmt::Display,
            {
                self.payload = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for payload: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<CobrowseSessionUserJoined>
        for super::CobrowseSessionUserJoined {
            type Error = super::error::ConversionError;
            fn try_from(
                value: CobrowseSessionUserJoined,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    event: value.event?,
                    event_ts: value.event_ts?,
                    payload: value.payload?,
                })
            }
        }
        impl ::std::convert::From<super::CobrowseSessionUserJoined>
        for CobrowseSessionUserJoined {
            fn from(value: super::CobrowseSessionUserJoined) -> Self {
                Self {
                    event: Ok(value.event),
                    event_ts: Ok(value.event_ts),
                    payload: Ok(value.payload),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct CobrowseSessionUserLeft {
            event: ::std::result::Result<::std::string::String, ::std::string::String>,
            event_ts: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
            payload: ::std::result::Result<
                super::SessionUserLeftPayload,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for CobrowseSessionUserLeft {
            fn default() -> Self {
                Self {
                    event: Err("no value supplied for event".to_string()),
                    event_ts: Ok(Default::default()),
                    payload: Err("no value supplied for payload".to_string()),
                }
            }
        }
        impl CobrowseSessionUserLeft {
            pub fn event<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.event = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for event: {e}")
                    });
                self
            }
            pub fn event_ts<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.event_ts = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for event_ts: {e}")
                    });
                self
            }
            pub fn payload<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::SessionUserLeftPayload>,
                T::Error: ::std::fmt::Display,
            {
                self.payload = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for payload: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<CobrowseSessionUserLeft>
        for super::CobrowseSessionUserLeft {
            type Error = super::error::ConversionError;
            fn try_from(
                value: CobrowseSessionUserLeft,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    event: value.event?,
                    event_ts: value.event_ts?,
                    payload: value.payload?,
                })
            }
        }
        impl ::std::convert::From<super::CobrowseSessionUserLeft>
        for CobrowseSessionUserLeft {
            fn from(value: super::CobrowseSessionUserLeft) -> Self {
                Self {
                    event: Ok(value.event),
                    event_ts: Ok(value.event_ts),
                    payload: Ok(value.payload),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct EndpointUrlValidation {
            event: ::std::result::Result<::std::string::String, ::std::string::String>,
            event_ts: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
            payload: ::std::result::Result<
                super::UrlValidationPayload,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for EndpointUrlValidation {
            fn default() -> Self {
                Self {
                    event: Err("no value supplied for event".to_string()),
                    event_ts: Ok(Default::default()),
                    payload: Err("no value supplied for payload".to_string()),
                }
            }
        }
        impl EndpointUrlValidation {
            pub fn event<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.event = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for event: {e}")
                    });
                self
            }
            pub fn event_ts<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.event_ts = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for event_ts: {e}")
                    });
                self
            }
            pub fn payload<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::UrlValidationPayload>,
                T::Error: ::std::fmt::Display,
            {
                self.payload = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for payload: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<EndpointUrlValidation>
        for super::EndpointUrlValidation {
            type Error = super::error::ConversionError;
            fn try_from(
                value: EndpointUrlValidation,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    event: value.event?,
                    event_ts: value.event_ts?,
                    payload: value.payload?,
                })
            }
        }
        impl ::std::convert::From<super::EndpointUrlValidation>
        for EndpointUrlValidation {
            fn from(value: super::EndpointUrlValidation) -> Self {
                Self {
                    event: Ok(value.event),
                    event_ts: Ok(value.event_ts),
                    payload: Ok(value.payload),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct SessionEndedObject {
            end_reason: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            end_time: ::std::result::Result<
                ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                ::std::string::String,
            >,
            role_type: ::std::result::Result<
                ::std::option::Option<crate::open_enums::RoleType>,
                ::std::string::String,
            >,
            session_id: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
            session_pin: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            start_time: ::std::result::Result<
                ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                ::std::string::String,
            >,
            user_id: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            user_name: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for SessionEndedObject {
            fn default() -> Self {
                Self {
                    end_reason: Ok(Default::default()),
                    end_time: Ok(Default::default()),
                    role_type: Ok(Default::default()),
                    session_id: Err("no value supplied for session_id".to_string()),
                    session_pin: Ok(Default::default()),
                    start_time: Ok(Default::default()),
                    user_id: Ok(Default::default()),
                    user_name: Ok(Default::default()),
                }
            }
        }
        impl SessionEndedObject {
            pub fn end_reason<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.end_reason = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for end_reason: {e}")
                    });
                self
            }
            pub fn end_time<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.end_time = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for end_time: {e}")
                    });
                self
            }
            pub fn role_type<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<crate::open_enums::RoleType>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.role_type = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for role_type: {e}")
                    });
                self
            }
            pub fn session_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.session_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for session_id: {e}")
                    });
                self
            }
            pub fn session_pin<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.session_pin = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for session_pin: {e}")
                    });
                self
            }
            pub fn start_time<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.start_time = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for start_time: {e}")
                    });
                self
            }
            pub fn user_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.user_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for user_id: {e}")
                    });
                self
            }
            pub fn user_name<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.user_name = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for user_name: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<SessionEndedObject> for super::SessionEndedObject {
            type Error = super::error::ConversionError;
            fn try_from(
                value: SessionEndedObject,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    end_reason: value.end_reason?,
                    end_time: value.end_time?,
                    role_type: value.role_type?,
                    session_id: value.session_id?,
                    session_pin: value.session_pin?,
                    start_time: value.start_time?,
                    user_id: value.user_id?,
                    user_name: value.user_name?,
                })
            }
        }
        impl ::std::convert::From<super::SessionEndedObject> for SessionEndedObject {
            fn from(value: super::SessionEndedObject) -> Self {
                Self {
                    end_reason: Ok(value.end_reason),
                    end_time: Ok(value.end_time),
                    role_type: Ok(value.role_type),
                    session_id: Ok(value.session_id),
                    session_pin: Ok(value.session_pin),
                    start_time: Ok(value.start_time),
                    user_id: Ok(value.user_id),
                    user_name: Ok(value.user_name),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct SessionEndedPayload {
            account_id: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            object: ::std::result::Result<
                super::SessionEndedObject,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for SessionEndedPayload {
            fn default() -> Self {
                Self {
                    account_id: Ok(Default::default()),
                    object: Err("no value supplied for object".to_string()),
                }
            }
        }
        impl SessionEndedPayload {
            pub fn account_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.account_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for account_id: {e}")
                    });
                self
            }
            pub fn object<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::SessionEndedObject>,
                T::Error: ::std::fmt::Display,
            {
                self.object = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for object: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<SessionEndedPayload>
        for super::SessionEndedPayload {
            type Error = super::error::ConversionError;
            fn try_from(
                value: SessionEndedPayload,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    account_id: value.account_id?,
                    object: value.object?,
                })
            }
        }
        impl ::std::convert::From<super::SessionEndedPayload> for SessionEndedPayload {
            fn from(value: super::SessionEndedPayload) -> Self {
                Self {
                    account_id: Ok(value.account_id),
                    object: Ok(value.object),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct SessionStartedObject {
            role_type: ::std::result::Result<
                ::std::option::Option<crate::open_enums::RoleType>,
                ::std::string::String,
            >,
            session_id: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
            start_time: ::std::result::Result<
                ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                ::std::string::String,
            >,
            start_url: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            user_id: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            user_name: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for SessionStartedObject {
            fn default() -> Self {
                Self {
                    role_type: Ok(Default::default()),
                    session_id: Err("no value supplied for session_id".to_string()),
                    start_time: Ok(Default::default()),
                    start_url: Ok(Default::default()),
                    user_id: Ok(Default::default()),
                    user_name: Ok(Default::default()),
                }
            }
        }
        impl SessionStartedObject {
            pub fn role_type<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<crate::open_enums::RoleType>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.role_type = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for role_type: {e}")
                    });
                self
            }
            pub fn session_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.session_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for session_id: {e}")
                    });
                self
            }
            pub fn start_time<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.start_time = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for start_time: {e}")
                    });
                self
            }
            pub fn start_url<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.start_url = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for start_url: {e}")
                    });
                self
            }
            pub fn user_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.user_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for user_id: {e}")
                    });
                self
            }
            pub fn user_name<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.user_name = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for user_name: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<SessionStartedObject>
        for super::SessionStartedObject {
            type Error = super::error::ConversionError;
            fn try_from(
                value: SessionStartedObject,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    role_type: value.role_type?,
                    session_id: value.session_id?,
                    start_time: value.start_time?,
                    start_url: value.start_url?,
                    user_id: value.user_id?,
                    user_name: value.user_name?,
                })
            }
        }
        impl ::std::convert::From<super::SessionStartedObject> for SessionStartedObject {
            fn from(value: super::SessionStartedObject) -> Self {
                Self {
                    role_type: Ok(value.role_type),
                    session_id: Ok(value.session_id),
                    start_time: Ok(value.start_time),
                    start_url: Ok(value.start_url),
                    user_id: Ok(value.user_id),
                    user_name: Ok(value.user_name),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct SessionStartedPayload {
            account_id: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            object: ::std::result::Result<
                super::SessionStartedObject,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for SessionStartedPayload {
            fn default() -> Self {
                Self {
                    account_id: Ok(Default::default()),
                    object: Err("no value supplied for object".to_string()),
                }
            }
        }
        impl SessionStartedPayload {
            pub fn account_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.account_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for account_id: {e}")
                    });
                self
            }
            pub fn object<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::SessionStartedObject>,
                T::Error: ::std::fmt::Display,
            {
                self.object = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for object: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<SessionStartedPayload>
        for super::SessionStartedPayload {
            type Error = super::error::ConversionError;
            fn try_from(
                value: SessionStartedPayload,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    account_id: value.account_id?,
                    object: value.object?,
                })
            }
        }
        impl ::std::convert::From<super::SessionStartedPayload>
        for SessionStartedPayload {
            fn from(value: super::SessionStartedPayload) -> Self {
                Self {
                    account_id: Ok(value.account_id),
                    object: Ok(value.object),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct SessionUserJoinedObject {
            join_time: ::std::result::Result<
                ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                ::std::string::String,
            >,
            role_type: ::std::result::Result<
                ::std::option::Option<crate::open_enums::RoleType>,
                ::std::string::String,
            >,
            session_id: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
            user_connection_id: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            user_id: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            user_name: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for SessionUserJoinedObject {
            fn default() -> Self {
                Self {
                    join_time: Ok(Default::default()),
                    role_type: Ok(Default::default()),
                    session_id: Err("no value supplied for session_id".to_string()),
                    user_connection_id: Ok(Default::default()),
                    user_id: Ok(Default::default()),
                    user_name: Ok(Default::default()),
                }
            }
        }
        impl SessionUserJoinedObject {
            pub fn join_time<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.join_time = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for join_time: {e}")
                    });
                self
            }
            pub fn role_type<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<crate::open_enums::RoleType>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.role_type = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for role_type: {e}")
                    });
                self
            }
            pub fn session_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.session_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for session_id: {e}")
                    });
                self
            }
            pub fn user_connection_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.user_connection_id = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for user_connection_id: {e}"
                        )
                    });
                self
            }
            pub fn user_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.user_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for user_id: {e}")
                    });
                self
            }
            pub fn user_name<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.user_name = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for user_name: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<SessionUserJoinedObject>
        for super::SessionUserJoinedObject {
            type Error = super::error::ConversionError;
            fn try_from(
                value: SessionUserJoinedObject,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    join_time: value.join_time?,
                    role_type: value.role_type?,
                    session_id: value.session_id?,
                    user_connection_id: value.user_connection_id?,
                    user_id: value.user_id?,
                    user_name: value.user_name?,
                })
            }
        }
        impl ::std::convert::From<super::SessionUserJoinedObject>
        for SessionUserJoinedObject {
            fn from(value: super::SessionUserJoinedObject) -> Self {
                Self {
                    join_time: Ok(value.join_time),
                    role_type: Ok(value.role_type),
                    session_id: Ok(value.session_id),
                    user_connection_id: Ok(value.user_connection_id),
                    user_id: Ok(value.user_id),
                    user_name: Ok(value.user_name),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct SessionUserJoinedPayload {
            account_id: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            object: ::std::result::Result<
                super::SessionUserJoinedObject,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for SessionUserJoinedPayload {
            fn default() -> Self {
                Self {
                    account_id: Ok(Default::default()),
                    object: Err("no value supplied for object".to_string()),
                }
            }
        }
        impl SessionUserJoinedPayload {
            pub fn account_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.account_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for account_id: {e}")
                    });
                self
            }
            pub fn object<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::SessionUserJoinedObject>,
                T::Error: ::std::fmt::Display,
            {
                self.object = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for object: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<SessionUserJoinedPayload>
        for super::SessionUserJoinedPayload {
            type Error = super::error::ConversionError;
            fn try_from(
                value: SessionUserJoinedPayload,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    account_id: value.account_id?,
                    object: value.object?,
                })
            }
        }
        impl ::std::convert::From<super::SessionUserJoinedPayload>
        for SessionUserJoinedPayload {
            fn from(value: super::SessionUserJoinedPayload) -> Self {
                Self {
                    account_id: Ok(value.account_id),
                    object: Ok(value.object),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct SessionUserLeftObject {
            leave_reason: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            leave_time: ::std::result::Result<
                ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                ::std::string::String,
            >,
            role_type: ::std::result::Result<
                ::std::option::Option<crate::open_enums::RoleType>,
                ::std::string::String,
            >,
            session_id: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
            user_connection_id: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            user_id: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            user_name: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for SessionUserLeftObject {
            fn default() -> Self {
                Self {
                    leave_reason: Ok(Default::default()),
                    leave_time: Ok(Default::default()),
                    role_type: Ok(Default::default()),
                    session_id: Err("no value supplied for session_id".to_string()),
                    user_connection_id: Ok(Default::default()),
                    user_id: Ok(Default::default()),
                    user_name: Ok(Default::default()),
                }
            }
        }
        impl SessionUserLeftObject {
            pub fn leave_reason<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.leave_reason = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for leave_reason: {e}")
                    });
                self
            }
            pub fn leave_time<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.leave_time = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for leave_time: {e}")
                    });
                self
            }
            pub fn role_type<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<crate::open_enums::RoleType>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.role_type = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for role_type: {e}")
                    });
                self
            }
            pub fn session_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.session_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for session_id: {e}")
                    });
                self
            }
            pub fn user_connection_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.user_connection_id = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for user_connection_id: {e}"
                        )
                    });
                self
            }
            pub fn user_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.user_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for user_id: {e}")
                    });
                self
            }
            pub fn user_name<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.user_name = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for user_name: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<SessionUserLeftObject>
        for super::SessionUserLeftObject {
            type Error = super::error::ConversionError;
            fn try_from(
                value: SessionUserLeftObject,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    leave_reason: value.leave_reason?,
                    leave_time: value.leave_time?,
                    role_type: value.role_type?,
                    session_id: value.session_id?,
                    user_connection_id: value.user_connection_id?,
                    user_id: value.user_id?,
                    user_name: value.user_name?,
                })
            }
        }
        impl ::std::convert::From<super::SessionUserLeftObject>
        for SessionUserLeftObject {
            fn from(value: super::SessionUserLeftObject) -> Self {
                Self {
                    leave_reason: Ok(value.leave_reason),
                    leave_time: Ok(value.leave_time),
                    role_type: Ok(value.role_type),
                    session_id: Ok(value.session_id),
                    user_connection_id: Ok(value.user_connection_id),
                    user_id: Ok(value.user_id),
                    user_name: Ok(value.user_name),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct SessionUserLeftPayload {
            account_id: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            object: ::std::result::Result<
                super::SessionUserLeftObject,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for SessionUserLeftPayload {
            fn default() -> Self {
                Self {
                    account_id: Ok(Default::default()),
                    object: Err("no value supplied for object".to_string()),
                }
            }
        }
        impl SessionUserLeftPayload {
            pub fn account_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.account_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for account_id: {e}")
                    });
                self
            }
            pub fn object<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::SessionUserLeftObject>,
                T::Error: ::std::fmt::Display,
            {
                self.object = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for object: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<SessionUserLeftPayload>
        for super::SessionUserLeftPayload {
            type Error = super::error::ConversionError;
            fn try_from(
                value: SessionUserLeftPayload,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    account_id: value.account_id?,
                    object: value.object?,
                })
            }
        }
        impl ::std::convert::From<super::SessionUserLeftPayload>
        for SessionUserLeftPayload {
            fn from(value: super::SessionUserLeftPayload) -> Self {
                Self {
                    account_id: Ok(value.account_id),
                    object: Ok(value.object),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct UrlValidationPayload {
            plain_token: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for UrlValidationPayload {
            fn default() -> Self {
                Self {
                    plain_token: Err("no value supplied for plain_token".to_string()),
                }
            }
        }
        impl UrlValidationPayload {
            pub fn plain_token<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.plain_token = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for plain_token: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<UrlValidationPayload>
        for super::UrlValidationPayload {
            type Error = super::error::ConversionError;
            fn try_from(
                value: UrlValidationPayload,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    plain_token: value.plain_token?,
                })
            }
        }
        impl ::std::convert::From<super::UrlValidationPayload> for UrlValidationPayload {
            fn from(value: super::UrlValidationPayload) -> Self {
                Self {
                    plain_token: Ok(value.plain_token),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct UrlValidationResponse {
            encrypted_token: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
            plain_token: ::std::result::Result<
                ::std::string::String,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for UrlValidationResponse {
            fn default() -> Self {
                Self {
                    encrypted_token: Err(
                        "no value supplied for encrypted_token".to_string(),
                    ),
                    plain_token: Err("no value supplied for plain_token".to_string()),
                }
            }
        }
        impl UrlValidationResponse {
            pub fn encrypted_token<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.encrypted_token = value
                    .try_into()
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for encrypted_token: {e}"
                        )
                    });
                self
            }
            pub fn plain_token<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.plain_token = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for plain_token: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<UrlValidationResponse>
        for super::UrlValidationResponse {
            type Error = super::error::ConversionError;
            fn try_from(
                value: UrlValidationResponse,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    encrypted_token: value.encrypted_token?,
                    plain_token: value.plain_token?,
                })
            }
        }
        impl ::std::convert::From<super::UrlValidationResponse>
        for UrlValidationResponse {
            fn from(value: super::UrlValidationResponse) -> Self {
                Self {
                    encrypted_token: Ok(value.encrypted_token),
                    plain_token: Ok(value.plain_token),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct WebhookEvent {
            event: ::std::result::Result<::std::string::String, ::std::string::String>,
            event_ts: ::std::result::Result<
                ::std::option::Option<i64>,
                ::std::string::String,
            >,
            payload: ::std::result::Result<
                ::serde_json::Map<::std::string::String, ::serde_json::Value>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for WebhookEvent {
            fn default() -> Self {
                Self {
                    event: Err("no value supplied for event".to_string()),
                    event_ts: Ok(Default::default()),
                    payload: Err("no value supplied for payload".to_string()),
                }
            }
        }
        impl WebhookEvent {
            pub fn event<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.event = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for event: {e}")
                    });
                self
            }
            pub fn event_ts<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<i64>>,
                T::Error: ::std::fmt::Display,
            {
                self.event_ts = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for event_ts: {e}")
                    });
                self
            }
            pub fn payload<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::serde_json::Map<::std::string::String, ::serde_json::Value>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.payload = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for payload: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<WebhookEvent> for super::WebhookEvent {
            type Error = super::error::ConversionError;
            fn try_from(
                value: WebhookEvent,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    event: value.event?,
                    event_ts: value.event_ts?,
                    payload: value.payload?,
                })
            }
        }
        impl ::std::convert::From<super::WebhookEvent> for WebhookEvent {
            fn from(value: super::WebhookEvent) -> Self {
                Self {
                    event: Ok(value.event),
                    event_ts: Ok(value.event_ts),
                    payload: Ok(value.payload),
                }
            }
        }
    }
    /// Error types.
    pub mod error {
        /// Error from a `TryFrom` or `FromStr` implementation.
        pub struct ConversionError(::std::borrow::Cow<'static, str>);
        impl ::std::error::Error for ConversionError {}
        impl ::std::fmt::Display for ConversionError {
            fn fmt(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> Result<(), ::std::fmt::Error> {
                ::std::fmt::Display::fmt(&self.0, f)
            }
        }
        impl ::std::fmt::Debug for ConversionError {
            fn fmt(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> Result<(), ::std::fmt::Error> {
                ::std::fmt::Debug::fmt(&self.0, f)
            }
        }
        impl From<&'static str> for ConversionError {
            fn from(value: &'static str) -> Self {
                Self(value.into())
            }
        }
        impl From<String> for ConversionError {
            fn from(value: String) -> Self {
                Self(value.into())
            }
        }
    }
}
#[derive(Clone, Debug)]
/**Client for Cobrowse SDK webhooks

Events Zoom pushes to a Cobrowse SDK app's Event Notification Endpoint URL, and the URL validation challenge every Zoom webhook endpoint must answer.

Version: 1.0.0*/
pub struct Client {
    pub(crate) baseurl: String,
    pub(crate) client: reqwest::Client,
}
impl Client {
    /// Create a new client.
    ///
    /// `baseurl` is the base URL provided to the internal
    /// `reqwest::Client`, and should include a scheme and hostname,
    /// as well as port and a path stem if applicable.
    pub fn new(baseurl: &str) -> Self {
        #[cfg(not(target_arch = "wasm32"))]
        let client = {
            let dur = ::std::time::Duration::from_secs(15u64);
            reqwest::ClientBuilder::new().connect_timeout(dur).timeout(dur)
        };
        #[cfg(target_arch = "wasm32")]
        let client = reqwest::ClientBuilder::new();
        Self::new_with_client(baseurl, client.build().unwrap())
    }
    /// Construct a new client with an existing `reqwest::Client`,
    /// allowing more control over its configuration.
    ///
    /// `baseurl` is the base URL provided to the internal
    /// `reqwest::Client`, and should include a scheme and hostname,
    /// as well as port and a path stem if applicable.
    pub fn new_with_client(baseurl: &str, client: reqwest::Client) -> Self {
        Self {
            baseurl: baseurl.to_string(),
            client,
        }
    }
}
impl ClientInfo<()> for Client {
    fn api_version() -> &'static str {
        "1.0.0"
    }
    fn baseurl(&self) -> &str {
        self.baseurl.as_str()
    }
    fn client(&self) -> &reqwest::Client {
        &self.client
    }
    fn inner(&self) -> &() {
        &()
    }
}
impl ClientHooks<()> for &Client {}
impl Client {
    /**Deliver one event to a webhook endpoint

Zoom POSTs each event as JSON to the endpoint URL configured for the app. The receiver must check `x-zm-signature` over the raw body and the timestamp before trusting the body, answer `endpoint.url_validation` with a `UrlValidationResponse`, and answer within 3 seconds.

Sends a `POST` request to `/`

Arguments:
- `x_zm_request_timestamp`: When Zoom sent the request, in seconds since the Unix epoch. Part of the signed message; a receiver rejects timestamps outside its tolerance to stop replays.
- `x_zm_signature`: `v0=` followed by the lowercase hex HMAC-SHA256, keyed with the webhook secret token, of `v0:{x-zm-request-timestamp}:{raw body}`.
- `body`
```ignore
let response = client.deliver_event()
    .x_zm_request_timestamp(x_zm_request_timestamp)
    .x_zm_signature(x_zm_signature)
    .body(body)
    .send()
    .await;
```*/
    pub fn deliver_event(&self) -> builder::DeliverEvent<'_> {
        builder::DeliverEvent::new(self)
    }
}
/// Types for composing operation parameters.
#[allow(clippy::all)]
pub mod builder {
    use super::types;
    #[allow(unused_imports)]
    use super::{
        encode_path, ByteStream, ClientInfo, ClientHooks, Error, OperationInfo,
        RequestBuilderExt, ResponseValue,
    };
    /**Builder for [`Client::deliver_event`]

[`Client::deliver_event`]: super::Client::deliver_event*/
    #[derive(Debug, Clone)]
    pub struct DeliverEvent<'a> {
        client: &'a super::Client,
        x_zm_request_timestamp: Result<i64, String>,
        x_zm_signature: Result<::std::string::String, String>,
        body: Result<types::builder::WebhookEvent, String>,
    }
    impl<'a> DeliverEvent<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                x_zm_request_timestamp: Err(
                    "x_zm_request_timestamp was not initialized".to_string(),
                ),
                x_zm_signature: Err("x_zm_signature was not initialized".to_string()),
                body: Ok(::std::default::Default::default()),
            }
        }
        pub fn x_zm_request_timestamp<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<i64>,
        {
            self.x_zm_request_timestamp = value
                .try_into()
                .map_err(|_| {
                    "conversion to `i64` for x_zm_request_timestamp failed".to_string()
                });
            self
        }
        pub fn x_zm_signature<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.x_zm_signature = value
                .try_into()
                .map_err(|_| {
                    "conversion to `:: std :: string :: String` for x_zm_signature failed"
                        .to_string()
                });
            self
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::WebhookEvent>,
            <V as std::convert::TryInto<types::WebhookEvent>>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!("conversion to `WebhookEvent` for body failed: {}", s)
                });
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::WebhookEvent,
            ) -> types::builder::WebhookEvent,
        {
            self.body = self.body.map(f);
            self
        }
        ///Sends a `POST` request to `/`
        pub async fn send(self) -> Result<ResponseValue<ByteStream>, Error<()>> {
            let Self { client, x_zm_request_timestamp, x_zm_signature, body } = self;
            let x_zm_request_timestamp = x_zm_request_timestamp
                .map_err(Error::InvalidRequest)?;
            let x_zm_signature = x_zm_signature.map_err(Error::InvalidRequest)?;
            let body = body
                .and_then(|v| {
                    types::WebhookEvent::try_from(v).map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = format!("{}/", client.baseurl,);
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(3usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            header_map
                .append(
                    "x-zm-request-timestamp",
                    x_zm_request_timestamp.to_string().try_into()?,
                );
            header_map.append("x-zm-signature", x_zm_signature.to_string().try_into()?);
            #[allow(unused_mut)]
            let mut request = client
                .client
                .post(url)
                .json(&body)
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "deliver_event",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => Ok(ResponseValue::stream(response)),
                400u16 => Err(Error::ErrorResponse(ResponseValue::empty(response))),
                401u16 => Err(Error::ErrorResponse(ResponseValue::empty(response))),
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    }
}
/// Items consumers will typically use such as the Client.
pub mod prelude {
    pub use self::super::Client;
}
