// Generated from /api/v1/openapi.json by openapi-typescript (npm run api:types). Do not edit.
export interface paths {
    "/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assign a task (scope tasks:write) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required on every POST: the same key with the same body gets the same response; with another body, 422. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateTaskRequest"];
                };
            };
            responses: {
                /** @description This key already created the tasks of this source document: they are returned, nothing new */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CreateTaskResponse"];
                    };
                };
                /** @description Created, one task per assignee; each assignee is told on their chat */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CreateTaskResponse"];
                    };
                };
                /** @description The request does not fit the schema (the field and why, in Vietnamese and English) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No key, an unknown key or a revoked key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Outside the key's scopes or unit subtree */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such item, official or unit */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The item is not in a state that allows this, or the Idempotency-Key is still in use */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Refused by a rule ("5 rõ" names the missing part), or an Idempotency-Key reused with another body */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many calls for this key; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/{code}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a task on behalf of its assigner (scope tasks:write) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required on every POST: the same key with the same body gets the same response; with another body, 422. */
                    "idempotency-key"?: string;
                };
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CancelTaskRequest"];
                };
            };
            responses: {
                /** @description Cancelled; the assignee is told */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TaskResponse"];
                    };
                };
                /** @description The request does not fit the schema (the field and why, in Vietnamese and English) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No key, an unknown key or a revoked key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Outside the key's scopes or unit subtree */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such item, official or unit */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The item is not in a state that allows this, or the Idempotency-Key is still in use */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Refused by a rule ("5 rõ" names the missing part), or an Idempotency-Key reused with another body */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many calls for this key; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/{code}/extension": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve or refuse the assignee's pending request for more time, on behalf of the assigner (scope tasks:write) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required on every POST: the same key with the same body gets the same response; with another body, 422. */
                    "idempotency-key"?: string;
                };
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ExtensionDecisionRequest"];
                };
            };
            responses: {
                /** @description Decided; the assignee is told */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ExtensionDecisionResponse"];
                    };
                };
                /** @description The request does not fit the schema (the field and why, in Vietnamese and English) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No key, an unknown key or a revoked key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Outside the key's scopes or unit subtree */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such item, official or unit */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The item is not in a state that allows this, or the Idempotency-Key is still in use */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Refused by a rule ("5 rõ" names the missing part), or an Idempotency-Key reused with another body */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many calls for this key; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/consultations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask officials for their opinion (scope consultations:write) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required on every POST: the same key with the same body gets the same response; with another body, 422. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateConsultationRequest"];
                };
            };
            responses: {
                /** @description Asked; each respondent is told on their chat */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CreateConsultationResponse"];
                    };
                };
                /** @description The request does not fit the schema (the field and why, in Vietnamese and English) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No key, an unknown key or a revoked key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Outside the key's scopes or unit subtree */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such item, official or unit */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The item is not in a state that allows this, or the Idempotency-Key is still in use */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Refused by a rule ("5 rõ" names the missing part), or an Idempotency-Key reused with another body */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many calls for this key; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/items/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A task (NV-…) or consultation (YK-…) with its timeline (scope items:read) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The item */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ItemDetail"];
                    };
                };
                /** @description The request does not fit the schema (the field and why, in Vietnamese and English) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No key, an unknown key or a revoked key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Outside the key's scopes or unit subtree */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such item, official or unit */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The item is not in a state that allows this, or the Idempotency-Key is still in use */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Refused by a rule ("5 rõ" names the missing part), or an Idempotency-Key reused with another body */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many calls for this key; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Items of a unit subtree by status and period, newest first (scope items:read) */
        get: {
            parameters: {
                query?: {
                    kind?: "task" | "consultation";
                    /** @description A unit code (its subtree); default the key's unit. */
                    unit?: string;
                    /** @description A task status (ASSIGNED…) or consultation status (OPEN, CLOSED, SUPERSEDED). */
                    status?: string;
                    /** @description Created on or after this local day. */
                    from?: string;
                    /** @description Created on or before this local day. */
                    to?: string;
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ItemList"];
                    };
                };
                /** @description The request does not fit the schema (the field and why, in Vietnamese and English) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No key, an unknown key or a revoked key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Outside the key's scopes or unit subtree */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such item, official or unit */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The item is not in a state that allows this, or the Idempotency-Key is still in use */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Refused by a rule ("5 rõ" names the missing part), or an Idempotency-Key reused with another body */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many calls for this key; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/org": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The units and active officials of the key's unit subtree (scope org:read; phones with org:phones) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The organisation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Organisation"];
                    };
                };
                /** @description The request does not fit the schema (the field and why, in Vietnamese and English) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No key, an unknown key or a revoked key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Outside the key's scopes or unit subtree */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such item, official or unit */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The item is not in a state that allows this, or the Idempotency-Key is still in use */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Refused by a rule ("5 rõ" names the missing part), or an Idempotency-Key reused with another body */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many calls for this key; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/evaluation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Evaluation figures of a period for a unit subtree, as in the reports (scope reports:read) */
        get: {
            parameters: {
                query: {
                    from: string;
                    to: string;
                    /** @description A unit code; default the key's unit. */
                    unit?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The figures */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Evaluation"];
                    };
                };
                /** @description The request does not fit the schema (the field and why, in Vietnamese and English) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No key, an unknown key or a revoked key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Outside the key's scopes or unit subtree */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such item, official or unit */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The item is not in a state that allows this, or the Idempotency-Key is still in use */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Refused by a rule ("5 rõ" names the missing part), or an Idempotency-Key reused with another body */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many calls for this key; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/events/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send the events of a time range again to a subscription, default the one named like the key (scope events:replay) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Required on every POST: the same key with the same body gets the same response; with another body, 422. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        from: string;
                        /** Format: date-time */
                        to: string;
                        subscription?: string;
                    };
                };
            };
            responses: {
                /** @description How many deliveries were queued again and how many added */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            subscription: string;
                            requeued: number;
                            added: number;
                        };
                    };
                };
                /** @description The request does not fit the schema (the field and why, in Vietnamese and English) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No key, an unknown key or a revoked key */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Outside the key's scopes or unit subtree */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such item, official or unit */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The item is not in a state that allows this, or the Idempotency-Key is still in use */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Refused by a rule ("5 rõ" names the missing part), or an Idempotency-Key reused with another body */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many calls for this key; see Retry-After */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        CreateTaskResponse: {
            created: boolean;
            tasks: components["schemas"]["Task"][];
        };
        Task: {
            /** @enum {string} */
            kind: "task";
            /** @example NV-2026-0001 */
            code: string;
            status: components["schemas"]["TaskStatus"];
            content: string;
            details: string | null;
            expectedResult: string;
            priority: components["schemas"]["Priority"];
            /**
             * Format: date-time
             * @example 2026-12-11T10:00:00.000Z
             */
            deadline: string;
            /**
             * Format: date-time
             * @example 2026-12-11T10:00:00.000Z
             */
            originalDeadline: string;
            assigner: components["schemas"]["Person"];
            assignee: components["schemas"]["Person"];
            unit: string;
            sourceDocument: string | null;
            progressPercent: number;
            /**
             * Format: date-time
             * @example 2026-12-11T10:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2026-12-11T10:00:00.000Z
             */
            acceptedAt: string | null;
            /**
             * Format: date-time
             * @example 2026-12-11T10:00:00.000Z
             */
            completedAt: string | null;
            /**
             * Format: date-time
             * @example 2026-12-11T10:00:00.000Z
             */
            closedAt: string | null;
            /**
             * Format: date-time
             * @example 2026-12-11T10:00:00.000Z
             */
            cancelledAt: string | null;
            /**
             * Format: date-time
             * @example 2026-12-11T10:00:00.000Z
             */
            declinedAt: string | null;
            resultNote: string | null;
        };
        /** @enum {string} */
        TaskStatus: "ASSIGNED" | "ACCEPTED" | "IN_PROGRESS" | "DONE" | "CLOSED" | "DECLINED" | "CANCELLED";
        /** @enum {string} */
        Priority: "URGENT" | "HIGH" | "NORMAL";
        Person: {
            code: string;
            name: string;
        };
        /** @description RFC 9457 problem details; `message` in Vietnamese and English, `field` names the part of the request at fault. */
        Problem: {
            /** @example urn:dondoc:problem:five-clear-result */
            type: string;
            title: string;
            status: number;
            detail: string;
            code: string;
            field?: string;
            message: {
                vi: string;
                en: string;
            };
            errors?: {
                field: string;
                message: {
                    vi: string;
                    en: string;
                };
            }[];
        };
        CreateTaskRequest: {
            /**
             * @description The official code of whoever gives the task (rõ trách nhiệm).
             * @example TCKH-03
             */
            assigner?: string;
            /**
             * @description Official codes; one task each (rõ người).
             * @default []
             */
            assignees: string[];
            /**
             * @description What to do (rõ việc), one line.
             * @default
             * @example Tổng hợp dự toán ngân sách năm 2027
             */
            content: string;
            /**
             * @description What counts as done (rõ hiệu quả).
             * @default
             * @example Bảng dự toán theo mẫu, trình UBND huyện
             */
            expectedResult: string;
            /**
             * Format: date-time
             * @description ISO 8601 with offset (rõ tiến độ).
             * @example 2026-12-11T17:00:00+07:00
             */
            deadline?: string;
            priority?: components["schemas"]["Priority"];
            details?: string;
            /**
             * Format: uri
             * @description A link to the document the task comes from.
             */
            documentUrl?: string;
            /** @description The source document's number/symbol and date: unique per key, so a retry never makes a second task. */
            sourceDocument?: {
                /** @example 123/UBND-VP */
                number: string;
                /**
                 * Format: date
                 * @example 2026-12-01
                 */
                date: string;
            };
        };
        TaskResponse: {
            task: components["schemas"]["Task"];
        };
        CancelTaskRequest: {
            /** @default  */
            reason: string;
        };
        ExtensionDecisionResponse: components["schemas"]["TaskResponse"] & {
            approved: boolean;
        };
        ExtensionDecisionRequest: {
            /** @enum {string} */
            decision: "approve" | "refuse";
        };
        CreateConsultationResponse: {
            consultation: components["schemas"]["Consultation"];
            respondents: components["schemas"]["Respondent"][];
        };
        Consultation: {
            /** @enum {string} */
            kind: "consultation";
            /** @example YK-2026-0001 */
            code: string;
            status: components["schemas"]["ConsultationStatus"];
            subject: string;
            question: string;
            priority: components["schemas"]["Priority"];
            /**
             * Format: date-time
             * @example 2026-12-11T10:00:00.000Z
             */
            deadline: string;
            asker: components["schemas"]["Person"];
            unit: string;
            round: number;
            decision: string | null;
            /**
             * Format: date-time
             * @example 2026-12-11T10:00:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2026-12-11T10:00:00.000Z
             */
            closedAt: string | null;
        };
        /** @enum {string} */
        ConsultationStatus: "OPEN" | "CLOSED" | "SUPERSEDED";
        Respondent: {
            official: components["schemas"]["Person"];
            stance: string | null;
            stanceText: string | null;
            /**
             * Format: date-time
             * @example 2026-12-11T10:00:00.000Z
             */
            answeredAt: string | null;
        };
        CreateConsultationRequest: {
            /** @example TNMT-01 */
            asker: string;
            /** @default [] */
            respondents: string[];
            /** @default  */
            subject: string;
            /** @default  */
            question: string;
            /**
             * Format: date-time
             * @description ISO 8601 with offset; without it, the policy's answer time for the priority on the working calendar.
             */
            deadline?: string;
            priority?: components["schemas"]["Priority"];
            /**
             * @description Links shown under the question.
             * @default []
             */
            attachments: {
                name: string;
                /** Format: uri */
                url: string;
            }[];
        };
        ItemDetail: {
            /** @enum {string} */
            kind: "task";
            task: components["schemas"]["Task"];
            timeline: components["schemas"]["TaskEvent"][];
        } | {
            /** @enum {string} */
            kind: "consultation";
            consultation: components["schemas"]["Consultation"];
            respondents: components["schemas"]["Respondent"][];
            timeline: components["schemas"]["ConsultationEntry"][];
        };
        TaskEvent: {
            /**
             * Format: date-time
             * @example 2026-12-11T10:00:00.000Z
             */
            at: string;
            /** @example ACCEPTED */
            kind: string;
            actor: string | null;
            reason: string | null;
            note: string | null;
            percent: number | null;
            /**
             * Format: date-time
             * @example 2026-12-11T10:00:00.000Z
             */
            newDeadline: string | null;
        };
        ConsultationEntry: {
            /**
             * Format: date-time
             * @example 2026-12-11T10:00:00.000Z
             */
            at: string;
            kind: string;
            author: string | null;
            stance: string | null;
            text: string | null;
        };
        ItemList: {
            /** @enum {string} */
            kind: "task" | "consultation";
            items: (components["schemas"]["Task"] | components["schemas"]["Consultation"])[];
            /** @description Pass as `cursor` for the next page; null on the last. */
            nextCursor: string | null;
        };
        Organisation: {
            units: {
                code: string;
                name: string;
                parent: string | null;
            }[];
            officials: {
                code: string;
                name: string;
                title: string;
                /** @enum {string} */
                role: "HEAD" | "DEPUTY" | "MEMBER";
                unit: string;
                /** @description Only for a key with the scope org:phones. */
                phone?: string;
            }[];
        };
        Evaluation: {
            period: {
                from: string;
                to: string;
            };
            unit: string;
            total: components["schemas"]["Figures"];
            units: {
                code: string;
                name: string;
                depth: number;
                figures: components["schemas"]["Figures"];
            }[];
            officials: {
                code: string;
                name: string;
                unit: string;
                figures: components["schemas"]["Figures"];
            }[];
        };
        /** @description As in the evaluation XLSX: counts, rates in percent, medians in working hours; null when there is nothing to rate. */
        Figures: {
            tasksReceived: number | null;
            acceptedInTime: number | null;
            completedOnTime: number | null;
            completedLate: number | null;
            overdueNow: number | null;
            onTimeRate: number | null;
            acceptMedian: number | null;
            consultationsReceived: number | null;
            answeredInTime: number | null;
            answeredLate: number | null;
            unansweredOverdue: number | null;
            answerMedian: number | null;
            noStance: number | null;
            signals: number | null;
            behaviour1: number | null;
            behaviour2: number | null;
            behaviour3: number | null;
            behaviour4: number | null;
            behaviour5: number | null;
            behaviour6: number | null;
            behaviour7: number | null;
            behaviour8: number | null;
            behaviour9: number | null;
            behaviour10: number | null;
            behaviour11: number | null;
            explanations: number | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
