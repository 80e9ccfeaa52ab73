// For the tests: validation against the official REFI-QDA schema (schema/Project-mrt2019.xsd, MIT, as
// the REFI working group publishes it) with libxml2's own validator, compiled to WebAssembly (xmllint-wasm),
// so the check runs wherever `npm test` runs, with nothing to install. A .qdc is a CodeBook in the codebook
// namespace; the project schema defines its types but not that root, so the codebook schema is the project
// schema moved to that namespace with CodeBook declared as a root, its type as Codebook.xsd gives it
// (Codes, optional Sets, an origin attribute).
import { readFileSync } from 'node:fs'
import { validateXML } from 'xmllint-wasm'

export const PROJECT_SCHEMA = readFileSync(new URL('./schema/Project-mrt2019.xsd', import.meta.url), 'utf8')

const CODEBOOK_TYPE = /<xsd:complexType name="CodeBookType">[\s\S]*?<\/xsd:complexType>/

export const CODEBOOK_SCHEMA = PROJECT_SCHEMA.replaceAll('urn:QDA-XML:project:1.0', 'urn:QDA-XML:codebook:1.0')
  .replace(
    CODEBOOK_TYPE,
    `<xsd:complexType name="CodeBookType">
		<xsd:sequence>
			<xsd:element name="Codes" type="CodesType"/>
			<xsd:element name="Sets" type="SetsType" minOccurs="0"/>
		</xsd:sequence>
		<xsd:attribute name="origin" type="xsd:string"/>
	</xsd:complexType>`
  )
  .replace('<!-- ===== Type Definitions ===== -->', '<xsd:element name="CodeBook" type="CodeBookType"/>\n\t<!-- ===== Type Definitions ===== -->')

/** The schema's complaints about `xml`, one line each (empty when it is valid). */
export async function schemaErrors(xml: string, schema: 'project' | 'codebook'): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: schema === 'project' ? 'project.qde' : 'codebook.qdc', contents: xml }],
    schema: [{ fileName: `${schema}.xsd`, contents: schema === 'project' ? PROJECT_SCHEMA : CODEBOOK_SCHEMA }]
  })
  return result.valid ? [] : result.errors.map((e) => e.rawMessage)
}
