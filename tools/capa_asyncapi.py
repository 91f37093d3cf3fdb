"""Adds the CAPA module's quality events to docs/schemas/quality-event-v1.schema.json and docs/asyncapi.yaml.

Idempotent: run it again after a merge that rewrote either file (python3 tools/capa_asyncapi.py).
"""
import json
import re

SCHEMA = 'docs/schemas/quality-event-v1.schema.json'
ASYNC = 'docs/asyncapi.yaml'

def s(desc=None, fmt=None, nullable=False, typ='string'):
    d = {'type': [typ, 'null'] if nullable else typ}
    if fmt:
        d['format'] = fmt
    if desc:
        d['description'] = desc
    return d

uuid = lambda desc=None, nullable=False: s(desc, 'uuid', nullable)
ts = lambda desc=None, nullable=False: s(desc, 'date-time', nullable)

EVENTS = {
    'CapaOpened': ('A corrective or preventive action was opened.', {
        'capaId': uuid(), 'kind': {'enum': ['CORRECTIVE', 'PREVENTIVE']}, 'title': s(),
        'ncrId': uuid('The NCR the action is for; null for a standalone action.', True),
        'owner': s('User name of the person responsible.'), 'dueAt': ts(), 'openedBy': s(), 'openedAt': ts()}),
    'EffectivenessChecked': ('Poka evaluated a CAPA\'s effectiveness criterion on stored data; FAILED reopens the CAPA.', {
        'capaId': uuid(), 'evaluationId': uuid(),
        'criterion': {'enum': ['NO_RULE_VIOLATION', 'CPK_AT_LEAST', 'NO_DEFECT_RECURRENCE', 'ANOMALY_RATE_WITHIN_TARGET']},
        'result': {'enum': ['PASSED', 'FAILED', 'NOT_YET']},
        'measuredValue': s('The measured value (violations, Cpk, NCRs, anomaly rate); null when nothing was measured.', None, True, 'number'),
        'requiredValue': s('The value the criterion requires.', None, True, 'number'),
        'dataFrom': ts(), 'dataTo': ts(), 'evaluatedAt': ts()}),
    'CapaClosed': ('A CAPA was closed after a passed effectiveness check, under a QA manager\'s e-signature.', {
        'capaId': uuid(), 'ncrId': uuid(None, True), 'passedEvaluationId': uuid(), 'signedBy': s(),
        'printedName': s(), 'reason': s(), 'closedAt': ts()}),
    'CapaReopened': ('A CAPA was reopened: the problem recurred (new NCR, failed check) or a QA manager reopened it.', {
        'capaId': uuid(), 'from': {'enum': ['EFFECTIVENESS_PENDING', 'CLOSED']}, 'reason': s(), 'actor': s(),
        'reopenedAt': ts()}),
}

with open(SCHEMA) as f:
    schema = json.load(f)
defs = schema['$defs']
defs.setdefault('CapaKey', {'type': 'string', 'format': 'uuid',
                            'description': 'The CAPA id (CAPA events): one action\'s events stay in order.'})
for name, (desc, props) in EVENTS.items():
    defs[name] = {'description': desc, 'type': 'object', 'additionalProperties': False,
                  'required': list(props), 'properties': props}
    defs[name + 'Event'] = {'title': name, 'allOf': [{'$ref': '#/$defs/Envelope'}, {'properties': {
        'type': {'const': name}, 'key': {'$ref': '#/$defs/CapaKey'}, 'data': {'$ref': '#/$defs/' + name}}}]}
    branch = {'if': {'required': ['type'], 'properties': {'type': {'const': name}}},
              'then': {'$ref': '#/$defs/' + name + 'Event'}}
    if branch not in schema['allOf']:
        schema['allOf'].append(branch)
with open(SCHEMA, 'w') as f:
    json.dump(schema, f, indent=2)
    f.write('\n')

text = open(ASYNC).read()
for name, (desc, _) in EVENTS.items():
    if ('\n        ' + name + ':\n') in text:
        continue
    text = text.replace("""        AuditCheckpointPublished:
          $ref: '#/components/messages/AuditCheckpointPublished'
""", """        AuditCheckpointPublished:
          $ref: '#/components/messages/AuditCheckpointPublished'
        %s:
          $ref: '#/components/messages/%s'
""" % (name, name), 1)
    text = text.replace("""      - $ref: '#/channels/qualityEvents/messages/AuditCheckpointPublished'
""", """      - $ref: '#/channels/qualityEvents/messages/AuditCheckpointPublished'
      - $ref: '#/channels/qualityEvents/messages/%s'
""" % name, 1)
    message = """    %s:
      name: %s
      title: %s
      summary: "%s"
      contentType: application/json
      traits:
        - $ref: '#/components/messageTraits/QualityEventHeaders'
      payload:
        schemaFormat: application/schema+json;version=draft-2020-12
        schema:
          $ref: './schemas/quality-event-v1.schema.json#/$defs/%sEvent'
      bindings:
        kafka:
          key:
            allOf:
              - $ref: './schemas/quality-event-v1.schema.json#/$defs/CapaKey'
          bindingVersion: 0.5.0
""" % (name, name, name, desc.replace('"', "'"), name)
    text = text.replace("""    LotHeld:
      name: LotHeld
""", message + """    LotHeld:
      name: LotHeld
""", 1)
open(ASYNC, 'w').write(text)
