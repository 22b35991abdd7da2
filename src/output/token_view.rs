//! A decrypted token (`token decrypt`): the JWE header, the inner JWT's header and its
//! claims. Never the token, the inner JWT or a key: only these decoded JSON objects,
//! which JSON escapes for the terminal.

use serde_json::{Map, Value, json};

use super::{Printer, json};
use crate::cli::OutputFormat;
use crate::error::Result;

impl Printer {
    pub(crate) fn decrypted_token(
        &self,
        header: &Map<String, Value>,
        jwt_header: &Map<String, Value>,
        claims: &Map<String, Value>,
    ) -> Result<()> {
        match self.format {
            OutputFormat::Json => self.json(&json!({
                "header": header,
                "jwt_header": jwt_header,
                "claims": claims,
            })),
            _ => {
                let mut text = String::new();
                for (title, object) in [
                    ("JWE header", header),
                    ("JWT header", jwt_header),
                    ("Claims", claims),
                ] {
                    let pretty = json::pretty(&Value::Object(object.clone()))?;
                    text.push_str(&format!("{title}:\n{pretty}\n"));
                }
                self.data(&text)
            }
        }
    }
}
