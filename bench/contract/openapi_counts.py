#!/usr/bin/env python3
"""Counts what keeps a generated client from working, in an OpenAPI document fetched from /q/openapi?format=json.

Usage: python3 bench/contract/openapi_counts.py openapi.json [--list]
Counts: operations, operations without operationId, untyped success responses (2xx other than 204 with no content,
or a content whose schema is missing, {} or a Jackson JsonNode), error responses (4xx/5xx) without a problem+json
schema, operations without an example (request or success response), examples that do not validate against their
schema (JSON Schema 2020-12, python jsonschema), schemas named JsonNode.
"""
import json
import sys

import jsonschema

doc = json.load(open(sys.argv[1]))
listing = '--list' in sys.argv
schemas = doc.get('components', {}).get('schemas', {})
METHODS = ('get', 'put', 'post', 'delete', 'patch', 'head', 'options')


def validate(example, schema):
    root = {'$schema': 'https://json-schema.org/draft/2020-12/schema', 'components': {'schemas': schemas}}
    root.update(schema)
    try:
        jsonschema.Draft202012Validator(root).validate(example)
        return None
    except jsonschema.ValidationError as e:
        return e.message[:160]


def examples_of(media):
    found = []
    if 'example' in media:
        found.append(('example', media['example']))
    for name, ex in (media.get('examples') or {}).items():
        if 'value' in ex:
            found.append((name, ex['value']))
    return found


ops = [(p, m, o) for p, item in doc['paths'].items() for m, o in item.items() if m in METHODS]
no_id, untyped, untyped_errors, no_example, bad_examples, ids = [], [], [], [], [], []
for path, method, op in ops:
    label = f'{method.upper()} {path}'
    if not op.get('operationId'):
        no_id.append(label)
    else:
        ids.append(op['operationId'])
    if not any(s.startswith('2') for s in op.get('responses', {})):
        untyped.append(f'{label}: no success response declared')
    has_example = False
    body = op.get('requestBody', {}).get('content', {})
    for mt, media in body.items():
        for name, value in examples_of(media):
            has_example = True
            if 'json' in mt and media.get('schema') is not None:
                err = validate(value, media['schema'])
                if err:
                    bad_examples.append(f'{label} request {name}: {err}')
    for status, resp in op.get('responses', {}).items():
        content = resp.get('content') or {}
        if status.startswith('2'):
            if status == '204':
                continue
            if not content:
                untyped.append(f'{label} {status}: no content')
            for mt, media in content.items():
                s = media.get('schema')
                if s is None or s == {} or (s.get('$ref', '').endswith('/JsonNode')):
                    untyped.append(f'{label} {status} {mt}: schema {json.dumps(s)}')
                for name, value in examples_of(media):
                    has_example = True
                    if 'json' in mt and s is not None:
                        err = validate(value, s)
                        if err:
                            bad_examples.append(f'{label} {status} {name}: {err}')
        elif status[0] in '45':
            media = content.get('application/problem+json')
            if not media or not media.get('schema'):
                untyped_errors.append(f'{label} {status}')
            else:
                for name, value in examples_of(media):
                    err = validate(value, media['schema'])
                    if err:
                        bad_examples.append(f'{label} {status} {name}: {err}')
    if not has_example:
        no_example.append(label)

print(f'operations                          {len(ops)}')
print(f'without operationId                 {len(no_id)}')
print(f'duplicate operationIds              {len(ids) - len(set(ids))}')
print(f'untyped success responses           {len(untyped)}')
print(f'error responses without Problem     {len(untyped_errors)}')
print(f'operations without any example      {len(no_example)}')
print(f'examples that do not validate       {len(bad_examples)}')
print(f'schemas named JsonNode              {int("JsonNode" in schemas)}')
if listing:
    for title, items in (('untyped', untyped), ('no example', no_example), ('bad examples', bad_examples),
                         ('errors without problem', untyped_errors), ('no operationId', no_id)):
        print(f'--- {title}')
        for i in items:
            print('  ' + i)
