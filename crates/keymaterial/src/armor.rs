//! PEM framing (RFC 7468): the blocks of a file, their labels, legacy encryption headers,
//! and their base64 payload. Shared by the public-key and private-key readers.

/// One `-----BEGIN …-----` … `-----END …-----` block of a PEM file.
pub(crate) struct PemBlock<'a> {
    pub(crate) label: &'a str,
    /// From the BEGIN line to the END line, inclusive.
    text: &'a str,
    /// Legacy OpenSSL encryption headers (`Proc-Type: 4,ENCRYPTED`).
    pub(crate) encrypted: bool,
}

fn boundary<'a>(line: &'a str, kind: &str) -> Option<&'a str> {
    line.trim()
        .strip_prefix("-----")?
        .strip_prefix(kind)?
        .strip_prefix(' ')?
        .strip_suffix("-----")
}

/// Split PEM text into its blocks, refusing a BEGIN without its END.
pub(crate) fn pem_blocks(text: &str) -> std::result::Result<Vec<PemBlock<'_>>, String> {
    let mut blocks = Vec::new();
    let mut open: Option<(&str, usize, bool)> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        if let Some((label, begin, encrypted)) = open {
            if let Some(end_label) = boundary(line, "END") {
                if end_label != label {
                    return Err(format!(
                        "the PEM block begins `-----BEGIN {label}-----` but ends \
                         `-----END {end_label}-----`; the file is damaged"
                    ));
                }
                blocks.push(PemBlock {
                    label,
                    text: &text[begin..offset],
                    encrypted,
                });
                open = None;
            } else if boundary(line, "BEGIN").is_some() {
                return Err(truncated(label));
            } else if line.trim_start().starts_with("Proc-Type:") && line.contains("ENCRYPTED") {
                open = Some((label, begin, true));
            }
        } else if let Some(label) = boundary(line, "BEGIN") {
            open = Some((label, start, false));
        }
    }
    match open {
        Some((label, _, _)) => Err(truncated(label)),
        None => Ok(blocks),
    }
}

fn truncated(label: &str) -> String {
    format!(
        "truncated PEM: `-----BEGIN {label}-----` has no `-----END {label}-----` line; \
         the file was cut short (copy it again in full)"
    )
}

pub(crate) fn decode_pem_block(block: &PemBlock<'_>) -> std::result::Result<Vec<u8>, String> {
    let damaged = |err: pem_rfc7468::Error| {
        format!(
            "the `{}` PEM block is damaged ({err}); its base64 lines may have been cut, \
             wrapped or edited (copy the file again in full)",
            block.label
        )
    };
    let bytes = block.text.as_bytes();
    let mut decoder = pem_rfc7468::Decoder::new_detect_wrap(bytes).map_err(damaged)?;
    let mut der = Vec::new();
    decoder.decode_to_end(&mut der).map_err(damaged)?;
    Ok(der)
}
