//! Writes the `ir` export as pretty JSON, streamed and in parallel: the
//! items of each top-level array are serialized in chunks on every core and
//! written in order, so the output never sits whole in memory. The bytes are
//! exactly those of `serde_json::to_string_pretty` on the export, plus a
//! trailing newline.

use super::json::IrExport;
use rayon::prelude::*;
use serde::Serialize;
use serde_json::ser::Formatter;
use std::io::{self, Write};

/// Items serialized per parallel task.
const CHUNK: usize = 64;
/// Items serialized before the buffers are written out.
const WINDOW: usize = CHUNK * 64;

/// Writes `export` as pretty JSON (two-space indent) and a trailing newline.
pub fn write_export<W: Write>(export: &IrExport<'_>, out: &mut W) -> io::Result<()> {
    out.write_all(b"{\n  \"schema_version\": ")?;
    write!(out, "{}", export.schema_version)?;
    write_array(out, "versions", &export.versions)?;
    write_array(out, "types", &export.types)?;
    write_array(out, "enums", &export.enums)?;
    write_array(out, "endpoints", &export.endpoints)?;
    write_array(out, "diagnostics", &export.diagnostics)?;
    write_array(out, "todos", &export.todos)?;
    out.write_all(b"\n}\n")
}

/// `,\n  "name": [ … ]` with each item at depth 2.
fn write_array<W: Write, T: Serialize + Sync>(
    out: &mut W,
    name: &str,
    items: &[T],
) -> io::Result<()> {
    write!(out, ",\n  \"{name}\": ")?;
    if items.is_empty() {
        return out.write_all(b"[]");
    }
    out.write_all(b"[")?;
    for (w, window) in items.chunks(WINDOW).enumerate() {
        let buffers: Vec<io::Result<Vec<u8>>> = window
            .par_chunks(CHUNK)
            .enumerate()
            .map(|(c, chunk)| serialize_chunk(chunk, w == 0 && c == 0))
            .collect();
        for buffer in buffers {
            out.write_all(&buffer?)?;
        }
    }
    out.write_all(b"\n  ]")
}

/// Serializes items as they appear inside a top-level array: each preceded
/// by `,\n    `, except the array's very first, preceded by `\n    `.
fn serialize_chunk<T: Serialize>(items: &[T], starts_array: bool) -> io::Result<Vec<u8>> {
    let mut buffer = Vec::with_capacity(items.len() * 512);
    for (i, item) in items.iter().enumerate() {
        buffer.extend_from_slice(if starts_array && i == 0 {
            b"\n    "
        } else {
            b",\n    "
        });
        let mut serializer =
            serde_json::Serializer::with_formatter(&mut buffer, NestedPretty::at_depth(2));
        item.serialize(&mut serializer).map_err(io::Error::other)?;
    }
    Ok(buffer)
}

/// serde_json's pretty layout (two spaces), starting at a given depth.
struct NestedPretty {
    depth: usize,
    has_value: bool,
}

impl NestedPretty {
    fn at_depth(depth: usize) -> Self {
        NestedPretty {
            depth,
            has_value: false,
        }
    }

    fn indent<W: ?Sized + Write>(&self, writer: &mut W) -> io::Result<()> {
        for _ in 0..self.depth {
            writer.write_all(b"  ")?;
        }
        Ok(())
    }

    /// `[` or `{`: one level deeper, nothing in it yet.
    fn open<W: ?Sized + Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        writer.write_all(bracket)
    }

    /// `]` or `}`, on a line of its own when something came before it.
    fn close<W: ?Sized + Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            writer.write_all(b"\n")?;
            self.indent(writer)?;
        }
        writer.write_all(bracket)
    }

    /// An element or key on a new line, after a comma unless it is the first.
    fn next_line<W: ?Sized + Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        writer.write_all(if first { b"\n" } else { b",\n" })?;
        self.indent(writer)
    }
}

impl Formatter for NestedPretty {
    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.next_line(writer, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.next_line(writer, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::source::SourceFile;

    /// Every field of the export, nested arrays, empty arrays and escapes:
    /// the streamed writer gives serde_json's pretty printing byte for byte.
    #[test]
    fn streamed_export_is_serde_jsons_pretty_printing() {
        let page = "---\ntitle: \"x\"\nauthor: \"\"\n---\n# widget resource type\n\nNamespace: microsoft.graph\n\nA \"widget\" \\ thing.\n\n## Properties\n| Property | Type | Description |\n|:--|:--|:--|\n| id | String | TODO: Add Description |\n| state | widgetState | Possible values are: `on`, `off`. |\n| empty | | |\n";
        let api = "---\ntitle: \"Get widget\"\n---\n# Get widget\n\n## HTTP request\n```http\nGET /widgets/{id}\n```\n\n## Permissions\n| Permission type | Permissions |\n|:--|:--|\n| Application | Widget.Read.All |\n";
        let facts = vec![
            crate::analyze_page(&SourceFile::new("resources/widget.md", page)),
            crate::analyze_page(&SourceFile::new("api/widget-get.md", api)),
        ];
        let models = vec![
            crate::ir::build_model("v1.0", facts),
            crate::ir::build_model("beta", Vec::new()),
        ];
        let export = super::super::json::export(&models);
        assert!(
            !export.types.is_empty()
                && !export.endpoints.is_empty()
                && !export.todos.is_empty()
                && !export.diagnostics.is_empty()
        );
        let mut expected = serde_json::to_string_pretty(&export).unwrap();
        expected.push('\n');
        let mut streamed = Vec::new();
        super::write_export(&export, &mut streamed).unwrap();
        assert_eq!(String::from_utf8(streamed).unwrap(), expected);
    }
}
