"""The API's documentation as plain HTML, drawn on the server from its OpenAPI schema (drf-spectacular):
no JavaScript, nothing from a CDN, light on a slow link. The schema itself is at /api/v1/schema/."""

from functools import cache

from django.shortcuts import render
from drf_spectacular.generators import SchemaGenerator

METHODS = ("get", "post", "put", "patch", "delete")


@cache
def openapi_schema():
    """The schema, made once per process: it changes only with the code."""
    return SchemaGenerator(urlconf="api.schema").get_schema(request=None, public=True)


def endpoints(schema):
    """[{path, method, summary, description, parameters: [{name, where, required, type, description}]}]."""
    found = []
    for path, operations in schema["paths"].items():
        for method in METHODS:
            operation = operations.get(method)
            if operation is None:
                continue
            parameters = [
                {
                    "name": parameter["name"],
                    "where": parameter["in"],
                    "required": parameter.get("required", False),
                    "type": parameter.get("schema", {}).get("type", ""),
                    "description": parameter.get("description", ""),
                }
                for parameter in operation.get("parameters", [])
            ]
            found.append(
                {
                    "path": path,
                    "method": method.upper(),
                    "anchor": operation.get("operationId", f"{method}-{path}"),
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "parameters": parameters,
                }
            )
    return found


def documentation(request):
    schema = openapi_schema()
    return render(request, "api/documentation.html", {"info": schema["info"], "endpoints": endpoints(schema)})
