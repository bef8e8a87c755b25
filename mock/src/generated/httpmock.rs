// Generated from openapi/cobrowse.yaml by zoom-cobrowse-codegen; do not edit.

pub mod operations {
    //! [`When`](::httpmock::When) and [`Then`](::httpmock::Then)
    //! wrappers for each operation. Each can be converted to
    //! its inner type with a call to `into_inner()`. This can
    //! be used to explicitly deviate from permitted values.
    use zoom_cobrowse::*;
    pub struct ListLiveSessionsWhen(::httpmock::When);
    impl ListLiveSessionsWhen {
        pub fn new(inner: ::httpmock::When) -> Self {
            Self(
                inner
                    .method(::httpmock::Method::GET)
                    .path_matches(
                        regex::Regex::new("^/cobrowsesdk/live_sessions$").unwrap(),
                    ),
            )
        }
        pub fn into_inner(self) -> ::httpmock::When {
            self.0
        }
        pub fn next_page_token<'a, T>(self, value: T) -> Self
        where
            T: Into<Option<&'a str>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.query_param("next_page_token", value.to_string()))
            } else {
                Self(self.0.query_param_missing("next_page_token"))
            }
        }
        pub fn page_size<T>(self, value: T) -> Self
        where
            T: Into<Option<i64>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.query_param("page_size", value.to_string()))
            } else {
                Self(self.0.query_param_missing("page_size"))
            }
        }
        pub fn session_pin<'a, T>(self, value: T) -> Self
        where
            T: Into<Option<&'a str>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.query_param("session_pin", value.to_string()))
            } else {
                Self(self.0.query_param_missing("session_pin"))
            }
        }
    }
    pub struct ListLiveSessionsThen(::httpmock::Then);
    impl ListLiveSessionsThen {
        pub fn new(inner: ::httpmock::Then) -> Self {
            Self(inner)
        }
        pub fn into_inner(self) -> ::httpmock::Then {
            self.0
        }
        pub fn ok(self, value: &types::LiveSessionList) -> Self {
            Self(
                self
                    .0
                    .status(200u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn bad_request(self, value: &types::ZoomError) -> Self {
            Self(
                self
                    .0
                    .status(400u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn unauthorized(self, value: &types::ZoomError) -> Self {
            Self(
                self
                    .0
                    .status(401u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn too_many_requests(self, value: &types::ZoomError) -> Self {
            Self(
                self
                    .0
                    .status(429u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
    }
    pub struct ListPastSessionsWhen(::httpmock::When);
    impl ListPastSessionsWhen {
        pub fn new(inner: ::httpmock::When) -> Self {
            Self(
                inner
                    .method(::httpmock::Method::GET)
                    .path_matches(
                        regex::Regex::new("^/cobrowsesdk/past_sessions$").unwrap(),
                    ),
            )
        }
        pub fn into_inner(self) -> ::httpmock::When {
            self.0
        }
        pub fn from<'a, T>(self, value: T) -> Self
        where
            T: Into<Option<&'a str>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.query_param("from", value.to_string()))
            } else {
                Self(self.0.query_param_missing("from"))
            }
        }
        pub fn next_page_token<'a, T>(self, value: T) -> Self
        where
            T: Into<Option<&'a str>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.query_param("next_page_token", value.to_string()))
            } else {
                Self(self.0.query_param_missing("next_page_token"))
            }
        }
        pub fn page_size<T>(self, value: T) -> Self
        where
            T: Into<Option<i64>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.query_param("page_size", value.to_string()))
            } else {
                Self(self.0.query_param_missing("page_size"))
            }
        }
        pub fn session_id<'a, T>(self, value: T) -> Self
        where
            T: Into<Option<&'a str>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.query_param("session_id", value.to_string()))
            } else {
                Self(self.0.query_param_missing("session_id"))
            }
        }
        pub fn session_pin<'a, T>(self, value: T) -> Self
        where
            T: Into<Option<&'a str>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.query_param("session_pin", value.to_string()))
            } else {
                Self(self.0.query_param_missing("session_pin"))
            }
        }
        pub fn time_type<T>(self, value: T) -> Self
        where
            T: Into<Option<types::TimeType>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.query_param("time_type", value.to_string()))
            } else {
                Self(self.0.query_param_missing("time_type"))
            }
        }
        pub fn to<'a, T>(self, value: T) -> Self
        where
            T: Into<Option<&'a str>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.query_param("to", value.to_string()))
            } else {
                Self(self.0.query_param_missing("to"))
            }
        }
    }
    pub struct ListPastSessionsThen(::httpmock::Then);
    impl ListPastSessionsThen {
        pub fn new(inner: ::httpmock::Then) -> Self {
            Self(inner)
        }
        pub fn into_inner(self) -> ::httpmock::Then {
            self.0
        }
        pub fn ok(self, value: &types::PastSessionList) -> Self {
            Self(
                self
                    .0
                    .status(200u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn bad_request(self, value: &types::ZoomError) -> Self {
            Self(
                self
                    .0
                    .status(400u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn unauthorized(self, value: &types::ZoomError) -> Self {
            Self(
                self
                    .0
                    .status(401u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn too_many_requests(self, value: &types::ZoomError) -> Self {
            Self(
                self
                    .0
                    .status(429u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
    }
    pub struct GetSessionWhen(::httpmock::When);
    impl GetSessionWhen {
        pub fn new(inner: ::httpmock::When) -> Self {
            Self(
                inner
                    .method(::httpmock::Method::GET)
                    .path_matches(
                        regex::Regex::new("^/cobrowsesdk/sessions/[^/]*$").unwrap(),
                    ),
            )
        }
        pub fn into_inner(self) -> ::httpmock::When {
            self.0
        }
        pub fn session_id(self, value: &str) -> Self {
            let re = regex::Regex::new(
                    &format!("^/cobrowsesdk/sessions/{}$", value.to_string()),
                )
                .unwrap();
            Self(self.0.path_matches(re))
        }
    }
    pub struct GetSessionThen(::httpmock::Then);
    impl GetSessionThen {
        pub fn new(inner: ::httpmock::Then) -> Self {
            Self(inner)
        }
        pub fn into_inner(self) -> ::httpmock::Then {
            self.0
        }
        pub fn ok(self, value: &crate::types::SessionDetail) -> Self {
            Self(
                self
                    .0
                    .status(200u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn unauthorized(self, value: &types::ZoomError) -> Self {
            Self(
                self
                    .0
                    .status(401u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn not_found(self, value: &types::ZoomError) -> Self {
            Self(
                self
                    .0
                    .status(404u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn too_many_requests(self, value: &types::ZoomError) -> Self {
            Self(
                self
                    .0
                    .status(429u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
    }
    pub struct ListSessionUsersWhen(::httpmock::When);
    impl ListSessionUsersWhen {
        pub fn new(inner: ::httpmock::When) -> Self {
            Self(
                inner
                    .method(::httpmock::Method::GET)
                    .path_matches(
                        regex::Regex::new("^/cobrowsesdk/sessions/[^/]*/users$").unwrap(),
                    ),
            )
        }
        pub fn into_inner(self) -> ::httpmock::When {
            self.0
        }
        pub fn session_id(self, value: &str) -> Self {
            let re = regex::Regex::new(
                    &format!("^/cobrowsesdk/sessions/{}/users$", value.to_string()),
                )
                .unwrap();
            Self(self.0.path_matches(re))
        }
        pub fn next_page_token<'a, T>(self, value: T) -> Self
        where
            T: Into<Option<&'a str>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.query_param("next_page_token", value.to_string()))
            } else {
                Self(self.0.query_param_missing("next_page_token"))
            }
        }
        pub fn page_size<T>(self, value: T) -> Self
        where
            T: Into<Option<i64>>,
        {
            if let Some(value) = value.into() {
                Self(self.0.query_param("page_size", value.to_string()))
            } else {
                Self(self.0.query_param_missing("page_size"))
            }
        }
    }
    pub struct ListSessionUsersThen(::httpmock::Then);
    impl ListSessionUsersThen {
        pub fn new(inner: ::httpmock::Then) -> Self {
            Self(inner)
        }
        pub fn into_inner(self) -> ::httpmock::Then {
            self.0
        }
        pub fn ok(self, value: &types::SessionUserList) -> Self {
            Self(
                self
                    .0
                    .status(200u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn unauthorized(self, value: &types::ZoomError) -> Self {
            Self(
                self
                    .0
                    .status(401u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn not_found(self, value: &types::ZoomError) -> Self {
            Self(
                self
                    .0
                    .status(404u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn too_many_requests(self, value: &types::ZoomError) -> Self {
            Self(
                self
                    .0
                    .status(429u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
    }
}
/// An extension trait for [`MockServer`](::httpmock::MockServer) that
/// adds a method for each operation. These are the equivalent of
/// type-checked [`mock()`](::httpmock::MockServer::mock) calls.
pub trait MockServerExt {
    fn list_live_sessions<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::ListLiveSessionsWhen, operations::ListLiveSessionsThen);
    fn list_past_sessions<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::ListPastSessionsWhen, operations::ListPastSessionsThen);
    fn get_session<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::GetSessionWhen, operations::GetSessionThen);
    fn list_session_users<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::ListSessionUsersWhen, operations::ListSessionUsersThen);
}
impl MockServerExt for ::httpmock::MockServer {
    fn list_live_sessions<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::ListLiveSessionsWhen, operations::ListLiveSessionsThen),
    {
        self.mock(|when, then| {
            config_fn(
                operations::ListLiveSessionsWhen::new(when),
                operations::ListLiveSessionsThen::new(then),
            )
        })
    }
    fn list_past_sessions<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::ListPastSessionsWhen, operations::ListPastSessionsThen),
    {
        self.mock(|when, then| {
            config_fn(
                operations::ListPastSessionsWhen::new(when),
                operations::ListPastSessionsThen::new(then),
            )
        })
    }
    fn get_session<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::GetSessionWhen, operations::GetSessionThen),
    {
        self.mock(|when, then| {
            config_fn(
                operations::GetSessionWhen::new(when),
                operations::GetSessionThen::new(then),
            )
        })
    }
    fn list_session_users<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::ListSessionUsersWhen, operations::ListSessionUsersThen),
    {
        self.mock(|when, then| {
            config_fn(
                operations::ListSessionUsersWhen::new(when),
                operations::ListSessionUsersThen::new(then),
            )
        })
    }
}
