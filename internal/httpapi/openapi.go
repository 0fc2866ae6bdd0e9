package httpapi

import (
	"fmt"
	"net/http"
	"reflect"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3gen"
	"github.com/gofiber/fiber/v2"

	"github.com/utopiahire/utopiahire/internal/ratelimit"
)

// Op describes one route for the router and the OpenAPI document at once,
// so the document cannot drift from what is served.
type Op struct {
	Summary string
	Tag     string
	// Auth names the credential the route needs: "" (none), "bearer",
	// "agent", or "optional" (a bearer token or none: optionalUser).
	Auth string
	// Request is a value of the JSON body type (nil: no JSON body).
	Request any
	// Multipart lists the form fields of a multipart body.
	Multipart []string
	// Response is a value of the 2xx JSON body type (nil: no JSON body).
	Response any
	// Status is the success status (default 200).
	Status int
	// Produces overrides the success media type (e.g. application/pdf).
	Produces string
	// Limit overrides the default per-client rate limit; Unlimited disables it.
	Limit     *ratelimit.Limit
	Unlimited bool
	// Errors lists the error statuses the route can answer besides 500.
	Errors []int
}

type routeDoc struct {
	method, path string
	op           Op
}

// handle registers a route on the Fiber app and in the OpenAPI document.
func (s *Server) handle(method, path string, op Op, h ...fiber.Handler) {
	chain := make([]fiber.Handler, 0, len(h)+1)
	if !op.Unlimited {
		lim, bucket := s.defaultLimit, "default"
		if op.Limit != nil {
			lim, bucket = *op.Limit, method+" "+path
		}
		chain = append(chain, s.rateLimited(bucket, lim))
	}
	chain = append(chain, h...)
	if len(op.Multipart) > 0 {
		s.uploadRoutes[method+" "+path] = uploadRoute{auth: op.Auth == "bearer"}
	}
	s.app.Add(method, path, chain...)
	if method == fiber.MethodGet {
		// HEAD answers what GET would, without the body (RFC 9110 9.3.2):
		// monitors and link checkers probe with it.
		s.app.Add(fiber.MethodHead, path, chain...)
	}
	s.docs = append(s.docs, routeDoc{method: method, path: path, op: op})
}

// openAPIPath turns Fiber's /api/jobs/:id into OpenAPI's /api/jobs/{id}.
func openAPIPath(p string) (string, []string) {
	parts := strings.Split(p, "/")
	var params []string
	for i, part := range parts {
		if strings.HasPrefix(part, ":") {
			name := strings.TrimSuffix(strings.TrimPrefix(part, ":"), "?")
			parts[i] = "{" + name + "}"
			params = append(params, name)
		}
	}
	return strings.Join(parts, "/"), params
}

// buildOpenAPI makes the OpenAPI 3 document of every registered route.
func (s *Server) buildOpenAPI() (*openapi3.T, error) {
	doc := &openapi3.T{
		OpenAPI: "3.0.3",
		Info: &openapi3.Info{
			Title:       "UtopiaHire API",
			Version:     s.version,
			Description: "Interview preparation: CVs, jobs and skills gap, voice interviews. Errors are JSON {detail, code}. The real-time hub is a WebSocket at /ws (see docs/hub-protocol.md).",
		},
		Paths: openapi3.NewPaths(),
		Components: &openapi3.Components{
			Schemas: openapi3.Schemas{},
			SecuritySchemes: openapi3.SecuritySchemes{
				"bearer": &openapi3.SecuritySchemeRef{Value: openapi3.NewJWTSecurityScheme()},
				"agent":  &openapi3.SecuritySchemeRef{Value: openapi3.NewJWTSecurityScheme().WithDescription("The agent's per-interview service credential.")},
			},
		},
	}
	errRef, err := s.schemaRef(doc, errorBody{})
	if err != nil {
		return nil, err
	}
	sorted := append([]routeDoc(nil), s.docs...)
	sort.Slice(sorted, func(i, j int) bool {
		return sorted[i].path+sorted[i].method < sorted[j].path+sorted[j].method
	})
	for _, rd := range sorted {
		op, err := s.operation(doc, rd, errRef)
		if err != nil {
			return nil, fmt.Errorf("document %s %s: %w", rd.method, rd.path, err)
		}
		p, _ := openAPIPath(rd.path)
		item := doc.Paths.Value(p)
		if item == nil {
			item = &openapi3.PathItem{}
			doc.Paths.Set(p, item)
		}
		item.SetOperation(rd.method, op)
	}
	return doc, nil
}

func (s *Server) operation(doc *openapi3.T, rd routeDoc, errRef *openapi3.SchemaRef) (*openapi3.Operation, error) {
	op := openapi3.NewOperation()
	op.Summary = rd.op.Summary
	if rd.op.Tag != "" {
		op.Tags = []string{rd.op.Tag}
	}
	_, params := openAPIPath(rd.path)
	for _, name := range params {
		op.AddParameter(openapi3.NewPathParameter(name).WithSchema(openapi3.NewStringSchema()))
	}
	switch rd.op.Auth {
	case "":
	case "optional":
		// A bearer token, or none at all (the empty requirement).
		op.Security = &openapi3.SecurityRequirements{openapi3.NewSecurityRequirement().Authenticate("bearer"), openapi3.NewSecurityRequirement()}
	default:
		op.Security = &openapi3.SecurityRequirements{openapi3.NewSecurityRequirement().Authenticate(rd.op.Auth)}
	}
	if rd.op.Request != nil {
		ref, err := s.schemaRef(doc, rd.op.Request)
		if err != nil {
			return nil, err
		}
		op.RequestBody = &openapi3.RequestBodyRef{Value: openapi3.NewRequestBody().WithRequired(true).WithJSONSchemaRef(ref)}
	}
	if len(rd.op.Multipart) > 0 {
		form := openapi3.NewObjectSchema()
		for _, f := range rd.op.Multipart {
			form.WithProperty(f, openapi3.NewStringSchema())
		}
		op.RequestBody = &openapi3.RequestBodyRef{Value: openapi3.NewRequestBody().WithContent(openapi3.NewContentWithFormDataSchema(form))}
	}
	status := rd.op.Status
	if status == 0 {
		status = http.StatusOK
	}
	resp := openapi3.NewResponse().WithDescription(http.StatusText(status))
	switch {
	case rd.op.Produces != "":
		resp.WithContent(openapi3.NewContentWithSchema(openapi3.NewStringSchema().WithFormat("binary"), []string{rd.op.Produces}))
	case rd.op.Response != nil:
		ref, err := s.schemaRef(doc, rd.op.Response)
		if err != nil {
			return nil, err
		}
		resp.WithJSONSchemaRef(ref)
	}
	op.AddResponse(status, resp)
	for _, code := range append(rd.op.Errors, http.StatusTooManyRequests, http.StatusInternalServerError) {
		op.AddResponse(code, openapi3.NewResponse().WithDescription(http.StatusText(code)).WithJSONSchemaRef(errRef))
	}
	return op, nil
}

// schemaRef generates a component schema for v's type and refers to it.
func (s *Server) schemaRef(doc *openapi3.T, v any) (*openapi3.SchemaRef, error) {
	t := reflect.TypeOf(v)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || t.Name() == "" {
		return openapi3gen.NewSchemaRefForValue(v, doc.Components.Schemas)
	}
	name := schemaName(t)
	if _, ok := doc.Components.Schemas[name]; !ok {
		ref, err := openapi3gen.NewSchemaRefForValue(v, doc.Components.Schemas)
		if err != nil {
			return nil, err
		}
		doc.Components.Schemas[name] = &openapi3.SchemaRef{Value: ref.Value}
	}
	return openapi3.NewSchemaRef("#/components/schemas/"+name, doc.Components.Schemas[name].Value), nil
}

func schemaName(t reflect.Type) string {
	pkg := t.PkgPath()
	if i := strings.LastIndex(pkg, "/"); i >= 0 {
		pkg = pkg[i+1:]
	}
	if pkg == "httpapi" {
		return t.Name()
	}
	return pkg + "." + t.Name()
}
