/// The OpenAPI 3 description of every route (`GET /openapi.json`). A test checks it against
/// `RouteTable`, so a route added without its description fails the suite.
enum OpenAPIDocument {
    static let json = #"""
{
  "openapi": "3.0.3",
  "info": {
    "title": "edition serve",
    "version": "1.0.0",
    "description": "The narration service: articles in, episodes (audio with chapters, transcripts and a feed) out. Mutating routes need `Authorization: Bearer <token>` (`edition token add NAME`). Errors are `{\"error\": \"...\"}`."
  },
  "paths": {
    "/healthz": {
      "get": {
        "summary": "Ready to serve",
        "responses": {
          "200": {
            "description": "Ready",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "status": {
                      "type": "string"
                    }
                  }
                }
              }
            }
          }
        }
      }
    },
    "/metrics": {
      "get": {
        "summary": "Prometheus metrics",
        "responses": {
          "200": {
            "description": "Prometheus text format",
            "content": {
              "text/plain": {
                "schema": {
                  "type": "string"
                }
              }
            }
          }
        }
      }
    },
    "/openapi.json": {
      "get": {
        "summary": "This document",
        "responses": {
          "200": {
            "description": "OpenAPI 3 document",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          }
        }
      }
    },
    "/feed.xml": {
      "get": {
        "summary": "The podcast feed of all ready episodes",
        "responses": {
          "200": {
            "description": "RSS 2.0 with Apple and Podcasting 2.0 tags",
            "content": {
              "application/rss+xml": {
                "schema": {
                  "type": "string"
                }
              }
            }
          }
        }
      }
    },
    "/": {
      "get": {
        "summary": "The episode list as a web page (the page `edition site` writes as index.html)",
        "responses": {
          "200": {
            "description": "HTML",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          }
        }
      }
    },
    "/episodes/{id}": {
      "get": {
        "summary": "An episode's page: the read-along player, its chapters and the text as read",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "HTML",
            "content": {
              "text/html": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/site/{file}": {
      "get": {
        "summary": "The player's files (edition-player.js, edition-player.css)",
        "parameters": [
          {
            "name": "file",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "JavaScript or CSS"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/v1/articles": {
      "post": {
        "summary": "Narrate an article (idempotent by source_id)",
        "security": [
          {
            "bearer": []
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ArticleRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The same content is already narrated: the existing job",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Job"
                }
              }
            }
          },
          "202": {
            "description": "Queued (or already on its way): the job",
            "headers": {
              "Location": {
                "schema": {
                  "type": "string"
                },
                "description": "/v1/jobs/{id}"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Job"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "413": {
            "$ref": "#/components/responses/Error"
          },
          "422": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/v1/jobs/{id}": {
      "get": {
        "summary": "A job's status",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "The job's id (from the Location header)",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The job",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Job"
                }
              }
            }
          },
          "404": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/v1/episodes": {
      "get": {
        "summary": "All episodes, newest first",
        "responses": {
          "200": {
            "description": "Episodes",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "episodes": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Episode"
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    },
    "/v1/episodes/{id}": {
      "get": {
        "summary": "One episode",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "The episode's id",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The episode",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Episode"
                }
              }
            }
          },
          "404": {
            "$ref": "#/components/responses/Error"
          }
        }
      },
      "delete": {
        "summary": "Delete an episode and its files",
        "security": [
          {
            "bearer": []
          }
        ],
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "The episode's id",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "204": {
            "description": "Deleted"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/v1/webhooks": {
      "post": {
        "summary": "Register a webhook for episode.ready and job.failed",
        "security": [
          {
            "bearer": []
          }
        ],
        "description": "Each event is POSTed as JSON with `X-Edition-Signature: sha256=<hex HMAC-SHA256 of the raw body keyed with the secret>`, retried with backoff. Loopback and private addresses are refused unless the server runs with --allow-loopback-webhooks.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "required": [
                  "url",
                  "secret"
                ],
                "properties": {
                  "url": {
                    "type": "string",
                    "format": "uri"
                  },
                  "secret": {
                    "type": "string"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Registered",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "id": {
                      "type": "string"
                    },
                    "url": {
                      "type": "string"
                    },
                    "events": {
                      "type": "array",
                      "items": {
                        "type": "string"
                      }
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "413": {
            "$ref": "#/components/responses/Error"
          },
          "422": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/v1/audio/speech": {
      "post": {
        "summary": "OpenAI-compatible speech: text in, audio out",
        "security": [
          {
            "bearer": []
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "required": [
                  "input"
                ],
                "properties": {
                  "model": {
                    "type": "string",
                    "description": "Accepted and ignored"
                  },
                  "input": {
                    "type": "string",
                    "maxLength": 4096
                  },
                  "voice": {
                    "type": "string",
                    "description": "A voice profile, or alloy, ash, ballad, coral, echo, fable, onyx, nova, sage, shimmer, verse"
                  },
                  "response_format": {
                    "type": "string",
                    "enum": [
                      "mp3",
                      "wav",
                      "opus",
                      "flac"
                    ]
                  },
                  "speed": {
                    "type": "number",
                    "minimum": 0.25,
                    "maximum": 4
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The audio",
            "content": {
              "audio/mpeg": {
                "schema": {
                  "type": "string",
                  "format": "binary"
                }
              },
              "audio/wav": {
                "schema": {
                  "type": "string",
                  "format": "binary"
                }
              },
              "audio/ogg": {
                "schema": {
                  "type": "string",
                  "format": "binary"
                }
              },
              "audio/flac": {
                "schema": {
                  "type": "string",
                  "format": "binary"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "413": {
            "$ref": "#/components/responses/Error"
          },
          "422": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/media/{file}": {
      "get": {
        "summary": "An episode's file (audio, chapters, transcripts), with byte ranges",
        "parameters": [
          {
            "name": "file",
            "in": "path",
            "required": true,
            "description": "<episode id>.mp3, .wav, .chapters.json, .vtt, .srt, .transcript.json, … as listed in the episode's files",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "Range",
            "in": "header",
            "required": false,
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The whole file"
          },
          "206": {
            "description": "One byte range"
          },
          "304": {
            "description": "Not modified (If-None-Match)"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          },
          "416": {
            "$ref": "#/components/responses/Error"
          }
        }
      },
      "head": {
        "summary": "An episode's file's headers",
        "parameters": [
          {
            "name": "file",
            "in": "path",
            "required": true,
            "description": "As for GET",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Headers only"
          },
          "404": {
            "description": "No such file"
          }
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "bearer": {
        "type": "http",
        "scheme": "bearer"
      }
    },
    "responses": {
      "Error": {
        "description": "A refusal",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      }
    },
    "schemas": {
      "Error": {
        "type": "object",
        "required": [
          "error"
        ],
        "properties": {
          "error": {
            "type": "string"
          }
        }
      },
      "ArticleRequest": {
        "type": "object",
        "required": [
          "source_id",
          "body"
        ],
        "properties": {
          "source_id": {
            "type": "string",
            "description": "The CMS's own id; the same id with the same content is answered with the existing job"
          },
          "body": {
            "type": "string",
            "description": "The article: plain text, Markdown or HTML"
          },
          "format": {
            "type": "string",
            "enum": [
              "text",
              "markdown",
              "html"
            ],
            "description": "Sniffed when absent"
          },
          "title": {
            "type": "string"
          },
          "url": {
            "type": "string"
          },
          "published": {
            "type": "string",
            "description": "ISO 8601"
          },
          "authors": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "voice": {
            "type": "string",
            "description": "A voice profile (GET the voices with `edition voices`)"
          },
          "formats": {
            "type": "array",
            "items": {
              "type": "string",
              "enum": [
                "mp3",
                "wav",
                "flac",
                "opus",
                "vorbis"
              ]
            },
            "description": "MP3 is always made (the feed's enclosure)"
          }
        }
      },
      "Job": {
        "type": "object",
        "required": [
          "id",
          "status",
          "progress",
          "episode_id"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "status": {
            "type": "string",
            "enum": [
              "queued",
              "running",
              "done",
              "failed"
            ]
          },
          "progress": {
            "type": "number",
            "minimum": 0,
            "maximum": 1
          },
          "episode_id": {
            "type": "string"
          },
          "source_id": {
            "type": "string"
          },
          "error": {
            "type": "string",
            "nullable": true
          },
          "created": {
            "type": "string"
          },
          "finished": {
            "type": "string",
            "nullable": true
          },
          "attempts": {
            "type": "number"
          }
        }
      },
      "Episode": {
        "type": "object",
        "required": [
          "id",
          "guid",
          "files",
          "chapters"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "source_id": {
            "type": "string"
          },
          "guid": {
            "type": "string"
          },
          "title": {
            "type": "string",
            "nullable": true
          },
          "status": {
            "type": "string",
            "enum": [
              "pending",
              "ready"
            ]
          },
          "duration": {
            "type": "number",
            "nullable": true
          },
          "chapters": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "title": {
                  "type": "string"
                },
                "start": {
                  "type": "number"
                }
              }
            }
          },
          "files": {
            "type": "object",
            "additionalProperties": {
              "type": "string"
            },
            "description": "Kind (mp3, wav, chapters, vtt, srt, transcript, metadata…) to URL"
          },
          "authors": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "published": {
            "type": "string",
            "nullable": true
          },
          "url": {
            "type": "string",
            "nullable": true
          },
          "warnings": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "created": {
            "type": "string"
          },
          "ready": {
            "type": "string",
            "nullable": true
          }
        }
      }
    }
  }
}
"""#
}
