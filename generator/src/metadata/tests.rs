//! The reader on small documents, one construct each.

use super::read_metadata;
use crate::ir::{Model, Primitive, QualifiedName, TypeRef};

/// A document of one `microsoft.graph` schema (alias `graph`) holding `body`.
fn doc(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
{body}
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
"#
    )
}

fn read(text: &str) -> Model {
    read_metadata("meta.xml", text, "v1.0")
}

fn codes(m: &Model) -> Vec<&'static str> {
    m.diagnostics.iter().map(|d| d.code).collect()
}

fn graph(name: &str) -> QualifiedName {
    QualifiedName::new("microsoft.graph", name)
}

#[test]
fn entity_and_complex_types_with_base_abstract_and_open() {
    let m = read(&doc(r#"      <EntityType Name="entity" Abstract="true">
        <Key><PropertyRef Name="id" /></Key>
        <Property Name="id" Type="Edm.String" Nullable="false" />
      </EntityType>
      <EntityType Name="user" BaseType="graph.entity" OpenType="true" />
      <ComplexType Name="address" />"#));
    assert_eq!(codes(&m), Vec::<&str>::new());
    let entity = &m.types["microsoft.graph.entity"];
    assert!(entity.is_abstract && !entity.open && entity.base.is_none());
    let id = &entity.properties[0];
    assert_eq!(
        (id.name.as_str(), &id.ty),
        ("id", &TypeRef::Primitive(Primitive::String))
    );
    assert_eq!(id.nullable, Some(false));
    assert_eq!(id.source.to_string(), "meta.xml:7:9");
    let user = &m.types["microsoft.graph.user"];
    assert_eq!(user.base, Some(graph("entity")));
    assert!(user.open && !user.is_abstract);
    assert_eq!(user.sources[0].to_string(), "meta.xml:9:7");
    assert!(m.types.contains_key("microsoft.graph.address"));
    assert_eq!(user.rust.ident, "User", "the naming pass ran");
}

#[test]
fn properties_resolve_primitives_enums_types_collections_and_aliases() {
    let m = read(&doc(
        r#"      <EnumType Name="color"><Member Name="red" Value="0" /></EnumType>
      <ComplexType Name="thing">
        <Property Name="a" Type="Collection(Edm.Int32)" />
        <Property Name="b" Type="graph.color" />
        <Property Name="c" Type="microsoft.graph.thing" />
        <Property Name="d" Type="Collection(graph.thing)" Nullable="false" />
        <Property Name="e" Type="Edm.Untyped" />
        <Property Name="f" Type="graph.nowhere" />
      </ComplexType>"#,
    ));
    let t = &m.types["microsoft.graph.thing"];
    let shape: Vec<(&TypeRef, bool, Option<bool>)> = t
        .properties
        .iter()
        .map(|p| (&p.ty, p.collection, p.nullable))
        .collect();
    assert_eq!(
        shape,
        vec![
            (&TypeRef::Primitive(Primitive::Int32), true, Some(true)),
            (&TypeRef::Enum(graph("color")), false, Some(true)),
            (&TypeRef::Complex(graph("thing")), false, Some(true)),
            (&TypeRef::Complex(graph("thing")), true, Some(false)),
            (&TypeRef::Untyped("Edm.Untyped".into()), false, Some(true)),
            (&TypeRef::Untyped("graph.nowhere".into()), false, Some(true)),
        ]
    );
    assert_eq!(codes(&m), vec!["unresolved-type"]);
    assert_eq!(m.diagnostics[0].source.to_string(), "meta.xml:12:9");
}

#[test]
fn navigation_properties_are_relationships_contained_or_not() {
    let m = read(&doc(r#"      <EntityType Name="group">
        <NavigationProperty Name="members" Type="Collection(graph.group)" />
        <NavigationProperty Name="drive" Type="graph.group" ContainsTarget="true" Nullable="false" />
      </EntityType>"#));
    let g = &m.types["microsoft.graph.group"];
    assert!(g.properties.is_empty());
    let rels: Vec<(&str, bool, bool, Option<bool>)> = g
        .relationships
        .iter()
        .map(|r| (r.name.as_str(), r.collection, r.contained, r.nullable))
        .collect();
    assert_eq!(
        rels,
        vec![
            ("members", true, false, None),
            ("drive", false, true, Some(false))
        ]
    );
}

#[test]
fn enums_with_values_flags_and_implicit_values() {
    let m = read(&doc(r#"      <EnumType Name="days" IsFlags="true">
        <Member Name="monday" Value="1" />
        <Member Name="tuesday" Value="2" />
      </EnumType>
      <EnumType Name="size">
        <Member Name="small" />
        <Member Name="large" />
      </EnumType>"#));
    let days = &m.enums["microsoft.graph.days"];
    assert!(days.flags);
    let values: Vec<(&str, Option<i64>)> = days
        .members
        .iter()
        .map(|m| (m.name.as_str(), m.value))
        .collect();
    assert_eq!(values, vec![("monday", Some(1)), ("tuesday", Some(2))]);
    assert_eq!(days.members[1].source.to_string(), "meta.xml:7:9");
    assert_eq!(days.sources[0].kind.as_str(), "metadata");
    let size = &m.enums["microsoft.graph.size"];
    assert!(!size.flags);
    let values: Vec<Option<i64>> = size.members.iter().map(|m| m.value).collect();
    assert_eq!(values, vec![Some(0), Some(1)]);
}

#[test]
fn descriptions_inline_and_targeted_and_computed_properties() {
    let m = read(&doc(r#"      <EnumType Name="size">
        <Member Name="small" />
      </EnumType>
      <EntityType Name="user">
        <Annotation Term="Org.OData.Core.V1.Description" String="A person." />
        <Property Name="id" Type="Edm.String">
          <Annotation Term="Org.OData.Core.V1.Computed" Bool="true" />
        </Property>
        <Property Name="name" Type="Edm.String" />
      </EntityType>
      <Annotations Target="microsoft.graph.user/name">
        <Annotation Term="Org.OData.Core.V1.Description" String="Their name." />
      </Annotations>
      <Annotations Target="graph.size">
        <Annotation Term="Org.OData.Core.V1.LongDescription"><String>Sizes.</String></Annotation>
      </Annotations>
      <Annotations Target="microsoft.graph.size/small">
        <Annotation Term="Org.OData.Core.V1.Description" String="Small." />
      </Annotations>
      <Annotations Target="microsoft.graph.GraphService/users/x" />"#));
    assert_eq!(codes(&m), Vec::<&str>::new());
    let user = &m.types["microsoft.graph.user"];
    assert_eq!(user.description, "A person.");
    assert_eq!(user.properties[0].read_only, Some(true));
    assert_eq!(user.properties[1].read_only, None);
    assert_eq!(user.properties[1].description, "Their name.");
    let size = &m.enums["microsoft.graph.size"];
    assert_eq!(size.description, "Sizes.");
    assert_eq!(size.members[0].description, "Small.");
}

#[test]
fn several_schemas_resolve_each_others_names_in_any_order() {
    let text = r#"<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="microsoft.graph.callRecords" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="callRecord" BaseType="graph.entity">
        <Property Name="organizer" Type="graph.identitySet" />
      </EntityType>
    </Schema>
    <Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="entity" />
      <ComplexType Name="identitySet" />
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>"#;
    let m = read(text);
    assert_eq!(codes(&m), Vec::<&str>::new());
    let r = &m.types["microsoft.graph.callrecords.callrecord"];
    assert_eq!(r.name.namespace, "microsoft.graph.callRecords");
    assert_eq!(r.base, Some(graph("entity")));
    assert_eq!(r.properties[0].ty, TypeRef::Complex(graph("identitySet")));
}

#[test]
fn malformed_xml_is_one_located_error() {
    let m = read("<edmx:Edmx xmlns:edmx=\"x\">\n  <Schema>\n</edmx:Edmx>");
    assert_eq!(codes(&m), vec!["metadata-xml-invalid"]);
    assert_eq!(m.diagnostics[0].source.line, 3);
    assert!(m.types.is_empty());
    let m = read("");
    assert_eq!(codes(&m), vec!["metadata-xml-invalid"]);
    let m = read("<!DOCTYPE x [<!ENTITY a \"b\">]><x/>");
    assert_eq!(codes(&m), vec!["metadata-xml-invalid"]);
}

#[test]
fn unknown_elements_and_bad_attributes_are_located_and_skipped() {
    let m = read(&doc(r#"      <Widget Name="w" />
      <EntityType Name="t" OpenType="yes">
        <Gadget />
        <Property Type="Edm.String" />
        <Property Name="p" />
        <Property Name="q" Type="Edm.String" Nullable="maybe"><Extra /></Property>
        <Property Name="Q" Type="Edm.String" />
      </EntityType>
      <EnumType Name="e">
        <Member Name="a" Value="x" />
        <Member Name="A" Value="1" />
        <Member Value="2" />
        <Thing />
      </EnumType>
      <ComplexType />
      <TypeDefinition Name="td" />"#));
    let mut found: Vec<(u32, u32, &str)> = m
        .diagnostics
        .iter()
        .map(|d| (d.source.line, d.source.column, d.code))
        .collect();
    found.sort();
    let found: Vec<(String, &str)> = found
        .into_iter()
        .map(|(line, column, code)| (format!("{line}:{column}"), code))
        .collect();
    assert_eq!(
        found,
        vec![
            ("5:7".into(), "metadata-unknown-element"),
            ("6:7".into(), "metadata-attribute-invalid"),
            ("7:9".into(), "metadata-unknown-element"),
            ("8:9".into(), "metadata-attribute-missing"),
            ("9:9".into(), "metadata-attribute-missing"),
            ("10:9".into(), "metadata-attribute-invalid"),
            ("10:63".into(), "metadata-unknown-element"),
            ("11:9".into(), "duplicate-property"),
            ("14:9".into(), "metadata-attribute-invalid"),
            ("15:9".into(), "duplicate-member"),
            ("16:9".into(), "metadata-attribute-missing"),
            ("17:9".into(), "metadata-unknown-element"),
            ("19:7".into(), "metadata-attribute-missing"),
            ("20:7".into(), "metadata-attribute-missing"),
        ]
    );
    let t = &m.types["microsoft.graph.t"];
    assert!(!t.open);
    assert_eq!(t.properties.len(), 1);
    assert_eq!(m.enums["microsoft.graph.e"].members[0].value, None);
}

#[test]
fn a_name_declared_twice_keeps_the_first() {
    let m = read(&doc(
        r#"      <ComplexType Name="x"><Property Name="a" Type="Edm.String" /></ComplexType>
      <EnumType Name="X" />"#,
    ));
    assert_eq!(codes(&m), vec!["type-described-twice"]);
    assert!(m.enums.is_empty());
    assert_eq!(m.types["microsoft.graph.x"].properties.len(), 1);
}

#[test]
fn a_document_that_is_not_csdl_says_so() {
    let m = read("<html><body/></html>");
    assert_eq!(codes(&m), vec!["metadata-unknown-element"]);
    let m = read("\u{feff}<Schema Namespace=\"n\" xmlns=\"http://docs.oasis-open.org/odata/ns/edm\"><ComplexType Name=\"c\"/></Schema>");
    assert_eq!(codes(&m), Vec::<&str>::new());
    assert!(m.types.contains_key("n.c"));
}
