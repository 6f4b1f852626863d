//! `?limit=&cursor=` on every list, and the `{ items, next_cursor }` envelope.

use base64::Engine;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use xingguang_db::pagination::{Page, PageRequest, DEFAULT_LIMIT, MAX_LIMIT};

use crate::error::FieldError;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// How many items to return (1–200, default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    /// The `next_cursor` of the previous page; omit for the first page.
    #[param(max_length = 64)]
    pub cursor: Option<String>,
}

impl PageQuery {
    pub fn parse(&self) -> Result<PageRequest, FieldError> {
        let limit = self.limit.unwrap_or(DEFAULT_LIMIT);
        if !(1..=MAX_LIMIT).contains(&limit) {
            return Err(FieldError::new("limit", format!("must be between 1 and {MAX_LIMIT}")));
        }
        let after = match &self.cursor {
            None => None,
            Some(cursor) => Some(decode_cursor(cursor).ok_or_else(|| FieldError::new("cursor", "is not a cursor this API issued"))?),
        };
        Ok(PageRequest { limit, after })
    }
}

fn decode_cursor(cursor: &str) -> Option<uuid::Uuid> {
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(cursor).ok()?;
    uuid::Uuid::from_slice(&bytes).ok()
}

fn encode_cursor(id: uuid::Uuid) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(id.as_bytes())
}

/// A page of a list.
#[derive(Debug, Serialize, ToSchema)]
pub struct ListResponse<T: ToSchema> {
    pub items: Vec<T>,
    /// Pass as `cursor` to get the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

impl<T: ToSchema> ListResponse<T> {
    pub fn from_page<R>(page: Page<R>, f: impl FnMut(R) -> T) -> Self {
        let next_cursor = page.next.map(encode_cursor);
        ListResponse { items: page.items.into_iter().map(f).collect(), next_cursor }
    }

    /// Like [`ListResponse::from_page`] for conversions that can fail (a stored value the code
    /// cannot read is an error, never a silent default).
    pub fn try_from_page<R, E>(page: Page<R>, f: impl FnMut(R) -> Result<T, E>) -> Result<Self, E> {
        let next_cursor = page.next.map(encode_cursor);
        Ok(ListResponse { items: page.items.into_iter().map(f).collect::<Result<_, E>>()?, next_cursor })
    }
}

/// For PATCH bodies: tells "field absent" (`None`) from "field set to null" (`Some(None)`).
pub fn double_option<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

/// The validated page of a list request (422 when the paging parameters are invalid).
pub fn page(query: &PageQuery) -> crate::error::ApiResult<PageRequest> {
    query.parse().map_err(|e| crate::error::ApiError::validation(vec![e]))
}
