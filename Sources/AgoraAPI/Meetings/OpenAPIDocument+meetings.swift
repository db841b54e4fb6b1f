import AgoraDomain

extension OpenAPIDocument {
    /// Meetings: the members of a running project schedule them, participants answer and join; guests by email act
    /// through their link's token; each person has a private calendar feed. Someone else's meeting answers 404.
    static let meetingPaths = #"""
    "/api/meetings": {
      "post": {
        "operationId": "scheduleMeeting", "tags": ["meetings"], "security": [{ "bearer": [] }],
        "summary": "A member of a running project schedules a meeting or a series; the other member and any guests are invited by email with a calendar object",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/MeetingInput" } } } },
        "responses": { "201": \#(meetingResponse), "401": \#(problem), "409": \#(problem), "422": \#(problem) }
      },
      "get": {
        "operationId": "listMeetings", "tags": ["meetings"], "security": [{ "bearer": [] }],
        "summary": "The asker's meetings with an occurrence between from and to (the coming 30 days by default, at most 100 days), each with those occurrences",
        "parameters": [
          { "name": "from", "in": "query", "schema": { "type": "string", "format": "date-time" } },
          { "name": "to", "in": "query", "schema": { "type": "string", "format": "date-time" } },
          { "name": "project_id", "in": "query", "schema": { "type": "integer", "minimum": 1 } }
        ],
        "responses": { "200": { "description": "Meetings", "content": { "application/json": { "schema": { "type": "object", "required": ["meetings"], "properties": {
          "meetings": { "type": "array", "items": { "$ref": "#/components/schemas/Meeting" } } } } } } }, "400": \#(problem), "401": \#(problem) }
      }
    },
    "/api/meetings/{id}": {
      "get": {
        "operationId": "getMeeting", "tags": ["meetings"], "security": [{ "bearer": [] }],
        "summary": "A meeting of the asker's, with its coming occurrences",
        "parameters": [\#(idParameter)],
        "responses": { "200": \#(meetingResponse), "401": \#(problem), "404": \#(problem) }
      },
      "patch": {
        "operationId": "changeMeeting", "tags": ["meetings"], "security": [{ "bearer": [] }],
        "summary": "The organiser changes a meeting: for a series, one occurrence (this), it and the following ones, or all; fields left out keep their values",
        "parameters": [\#(idParameter)],
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/MeetingChange" } } } },
        "responses": { "200": \#(meetingResponse), "401": \#(problem), "404": \#(problem), "409": \#(problem), "422": \#(problem) }
      },
      "delete": {
        "operationId": "cancelMeeting", "tags": ["meetings"], "security": [{ "bearer": [] }],
        "summary": "The organiser cancels a meeting, one occurrence of a series, it and the following ones, or the whole series",
        "parameters": [\#(idParameter),
          { "name": "scope", "in": "query", "schema": { "type": "string", "enum": [\#(quoted(MeetingChangeScope.allCases.map(\.rawValue)))] } },
          { "name": "occurrence", "in": "query", "schema": { "type": "string", "format": "date-time" } }],
        "responses": { "200": \#(meetingResponse), "400": \#(problem), "401": \#(problem), "404": \#(problem), "409": \#(problem), "422": \#(problem) }
      }
    },
    "/api/meetings/{id}/rsvp": {
      "post": {
        "operationId": "answerMeeting", "tags": ["meetings"], "security": [{ "bearer": [] }],
        "summary": "A participant answers (accepted, declined, tentative) and may change their reminders; the organiser is told of a new answer",
        "parameters": [\#(idParameter)],
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "minProperties": 1, "properties": {
          "response": { "type": "string", "enum": [\#(quoted(ParticipationStatus.answers.map(\.name)))] }, "reminders": \#(reminderList) } } } } },
        "responses": { "200": \#(meetingResponse), "401": \#(problem), "404": \#(problem), "409": \#(problem), "422": \#(problem) }
      }
    },
    "/api/meetings/{id}/join": {
      "get": {
        "operationId": "joinMeeting", "tags": ["meetings"], "security": [{ "bearer": [] }],
        "summary": "The room's address for this participant, from ten minutes before an occurrence to its end; counted as attendance",
        "parameters": [\#(idParameter)],
        "responses": { "200": \#(joinResponse), "401": \#(problem), "404": \#(problem), "409": \#(problem) }
      }
    },
    "/api/meetings/{id}/notes": {
      "get": {
        "operationId": "getMeetingNotes", "tags": ["meetings"], "security": [{ "bearer": [] }],
        "summary": "A meeting's notes and action items, for its participants",
        "parameters": [\#(idParameter)],
        "responses": { "200": \#(notesResponse), "401": \#(problem), "404": \#(problem) }
      },
      "put": {
        "operationId": "saveMeetingNotes", "tags": ["meetings"], "security": [{ "bearer": [] }],
        "summary": "A member taking part saves the notes, naming the version read; a save since by someone else answers 409. The participants receive them by email once the meeting is over",
        "parameters": [\#(idParameter)],
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "properties": {
          "body": \#(multiline(maximumLength: MeetingNotesDraft.bodyLength.upperBound)), "version": \#(wholeNumber(minimum: 0)),
          "action_items": { "type": "array", "maxItems": \#(MeetingNotesDraft.maximumItems), "items": { "type": "object", "additionalProperties": false, "required": ["title"], "properties": {
            "title": { "type": "string", "minLength": 1, "maxLength": \#(MeetingNotesDraft.itemLength.upperBound), "pattern": \#(JSONString.literal(JSONObjectBody.oneLinePattern)) },
            "assignee_id": { "type": ["integer", "null"], "minimum": 1, "maximum": \#(Int(JSONObjectBody.largestWholeNumber)) }, "due_on": { "type": ["string", "null"], "format": "date" }, "done": { "type": "boolean" } } } } } } } } },
        "responses": { "200": \#(notesResponse), "401": \#(problem), "404": \#(problem), "409": \#(problem), "422": \#(problem) }
      }
    },
    "/api/projects/{id}/meetings/figures": {
      "get": {
        "operationId": "getProjectMeetingFigures", "tags": ["meetings"], "security": [{ "bearer": [] }],
        "summary": "A project's meeting figures for its members: occurrences held, attended through the join link, their average length, who joined how often",
        "parameters": [\#(idParameter)],
        "responses": { "200": { "description": "The figures", "content": { "application/json": { "schema": { "type": "object", "required": ["held", "attended", "joined_by"], "properties": {
          "held": { "type": "integer" }, "attended": { "type": "integer" }, "average_minutes": { "type": "integer" },
          "joined_by": { "type": "object", "additionalProperties": { "type": "integer" } } } } } } }, "401": \#(problem), "404": \#(problem) }
      }
    },
    "/api/projects/{id}/meetings/export": {
      "get": {
        "operationId": "exportProjectMeetings", "tags": ["meetings"], "security": [{ "bearer": [] }],
        "summary": "A project's meetings for its members: one iCalendar object, or every occurrence as a CSV row",
        "parameters": [\#(idParameter), { "name": "format", "in": "query", "schema": { "type": "string", "enum": ["ics", "csv"] } }],
        "responses": { "200": { "description": "The export", "content": { "text/calendar": { "schema": { "type": "string" } }, "text/csv": { "schema": { "type": "string" } } } },
          "400": \#(problem), "401": \#(problem), "404": \#(problem) }
      }
    },
    "/meetings/{id}/join": {
      "get": {
        "operationId": "followJoinLink", "tags": ["meetings"],
        "summary": "The join link calendars carry: sends the browser on to the joining page, which signs the member in and asks /api/meetings/{id}/join",
        "parameters": [\#(idParameter)],
        "responses": { "303": { "description": "On to the joining page" }, "404": { "description": "The site's page for a link that names no meeting", "content": { "text/html": { "schema": { "type": "string" } } } } }
      }
    },
    "/api/meeting-invitations/read": {
      "post": {
        "operationId": "readMeetingInvitation", "tags": ["meetings"], "summary": "A guest reads the meeting their link invites them to",
        "requestBody": { "required": true, "content": { "application/json": { "schema": \#(invitationInput(answering: false)) } } },
        "responses": { "200": \#(meetingResponse), "404": \#(problem), "422": \#(problem) }
      }
    },
    "/api/meeting-invitations/rsvp": {
      "post": {
        "operationId": "answerMeetingInvitation", "tags": ["meetings"], "summary": "A guest answers through their link",
        "requestBody": { "required": true, "content": { "application/json": { "schema": \#(invitationInput(answering: true)) } } },
        "responses": { "200": \#(meetingResponse), "404": \#(problem), "409": \#(problem), "422": \#(problem) }
      }
    },
    "/api/meeting-invitations/join": {
      "post": {
        "operationId": "joinMeetingInvitation", "tags": ["meetings"], "summary": "A guest joins the room through their link, while it is open",
        "requestBody": { "required": true, "content": { "application/json": { "schema": \#(invitationInput(answering: false)) } } },
        "responses": { "200": \#(joinResponse), "404": \#(problem), "409": \#(problem), "422": \#(problem) }
      }
    },
    "/api/calendar/feed": {
      "get": {
        "operationId": "getCalendarFeed", "tags": ["meetings"], "security": [{ "bearer": [] }], "summary": "The address of the asker's private calendar feed",
        "responses": { "200": \#(feedResponse), "401": \#(problem) }
      }
    },
    "/api/calendar/feed/rotate": {
      "post": {
        "operationId": "rotateCalendarFeed", "tags": ["meetings"], "security": [{ "bearer": [] }], "summary": "A new address for the asker's feed; the old one stops at once",
        "responses": { "200": \#(feedResponse), "401": \#(problem) }
      }
    },
    "/api/calendar/caldav": {
      "get": {
        "operationId": "getCalDAVConnection", "tags": ["meetings"], "security": [{ "bearer": [] }], "summary": "The asker's CalDAV calendar connection and how its pushes go (never the password)",
        "responses": { "200": \#(calDAVResponse), "401": \#(problem) }
      },
      "put": {
        "operationId": "connectCalDAV", "tags": ["meetings"], "security": [{ "bearer": [] }],
        "summary": "Connects the asker's own CalDAV calendar, checked with its server first; their coming meetings are written there, then every change",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["url", "username", "password"], "properties": {
          "url": { "type": "string", "minLength": 1, "maxLength": \#(CalDAVAccount.urlLength.upperBound) }, "username": \#(oneLine(maximumLength: CalDAVAccount.usernameLength.upperBound)),
          "password": { "type": "string", "minLength": 1, "maxLength": \#(CalDAVAccount.passwordLength.upperBound) } } } } } },
        "responses": { "200": \#(calDAVResponse), "401": \#(problem), "422": \#(problem) }
      },
      "delete": {
        "operationId": "disconnectCalDAV", "tags": ["meetings"], "security": [{ "bearer": [] }], "summary": "Forgets the connection; events already written stay",
        "responses": { "204": { "description": "Forgotten" }, "401": \#(problem) }
      }
    },
    "/api/calendar/caldav/test": {
      "post": {
        "operationId": "testCalDAV", "tags": ["meetings"], "security": [{ "bearer": [] }], "summary": "Checks the saved connection with its server now",
        "responses": { "200": { "description": "The check", "content": { "application/json": { "schema": { "type": "object", "required": ["ok"], "properties": { "ok": { "type": "boolean" }, "error": { "type": "string" } } } } } }, "401": \#(problem), "404": \#(problem) }
      }
    },
    "/api/calendar/{file}": {
      "get": {
        "operationId": "readCalendarFeed", "tags": ["meetings"], "summary": "A private calendar feed (iCalendar): the person's meetings and their projects' milestone due dates",
        "parameters": [{ "name": "file", "in": "path", "required": true, "description": "The feed's token and .ics", "schema": { "type": "string" } }],
        "responses": { "200": { "description": "The feed", "content": { "text/calendar": { "schema": { "type": "string" } } } }, "404": \#(problem) }
      }
    },
    """#

    static let meetingResponse = ##"{ "description": "The meeting", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Meeting" } } } }"##
    static let joinResponse = ##"{ "description": "Where to join", "content": { "application/json": { "schema": { "type": "object", "required": ["url", "original_start", "starts_at", "ends_at"], "properties": { "url": { "type": "string" }, "original_start": { "type": "string", "format": "date-time" }, "starts_at": { "type": "string", "format": "date-time" }, "ends_at": { "type": "string", "format": "date-time" } } } } } }"##
    static let feedResponse = ##"{ "description": "The feed's address", "content": { "application/json": { "schema": { "type": "object", "required": ["url"], "properties": { "url": { "type": "string" } } } } } }"##
    static let notesResponse = ##"{ "description": "The notes", "content": { "application/json": { "schema": { "type": "object", "required": ["body", "version", "action_items"], "properties": { "body": { "type": "string" }, "version": { "type": "integer" }, "updated_by": { "type": "integer" }, "updated_at": { "type": "string", "format": "date-time" }, "action_items": { "type": "array", "items": { "type": "object", "required": ["id", "title", "done"], "properties": { "id": { "type": "integer" }, "title": { "type": "string" }, "assignee_id": { "type": "integer" }, "due_on": { "type": "string" }, "done": { "type": "boolean" } } } } } } } } }"##
    static let calDAVResponse = ##"{ "description": "The connection", "content": { "application/json": { "schema": { "type": "object", "required": ["connected", "waiting"], "properties": { "connected": { "type": "boolean" }, "url": { "type": "string" }, "username": { "type": "string" }, "status": { "type": "string", "enum": ["connected", "failing"] }, "last_error": { "type": "string" }, "last_success_at": { "type": "string", "format": "date-time" }, "waiting": { "type": "integer" } } } } } }"##
    static let reminderList = #"{ "type": "array", "maxItems": \#(MeetingReminders.maximumCount), "uniqueItems": true, "items": { "type": "integer", "minimum": \#(MeetingReminders.offsets.lowerBound), "maximum": \#(MeetingReminders.offsets.upperBound) } }"#

    static func invitationInput(answering: Bool) -> String {
        let response = answering ? #", "response": { "type": "string", "enum": [\#(quoted(ParticipationStatus.answers.map(\.name)))] }"# : ""
        return #"{ "type": "object", "additionalProperties": false, "required": ["token"\#(answering ? #", "response""# : "")], "properties": { "token": \#(oneLine(maximumLength: 100))\#(response) } }"#
    }

    static func meetingFields(required: Bool) -> String {
        #"""
        "title": { "type": "string", "minLength": \#(MeetingDraft.titleLength.lowerBound), "maxLength": \#(MeetingDraft.titleLength.upperBound), "pattern": \#(JSONString.literal(JSONObjectBody.oneLinePattern)) },
        "agenda": \#(multiline(maximumLength: MeetingDraft.agendaLength.upperBound)),
        "starts_at": { "type": "string", "format": "date-time", "description": "The first start; not in the past, within two years" },
        "time_zone": { "type": "string", "minLength": 1, "maxLength": 64, "pattern": \#(JSONString.literal(JSONObjectBody.oneLinePattern)), "description": "The organiser's IANA zone, which a series keeps its local time in" },
        "duration_minutes": { "type": "integer", "minimum": \#(MeetingDraft.durations.lowerBound), "maximum": \#(MeetingDraft.durations.upperBound) },
        "recurrence": { "type": \#(required ? #""string""# : #"["string", "null"]"#), "maxLength": 200, "description": "An RRULE: FREQ=DAILY or WEEKLY, INTERVAL, BYDAY, and COUNT or UNTIL (at most \#(MeetingRecurrence.maximumOccurrences) meetings, two years)" },
        "reminders": \#(reminderList),
        "guests": { "type": "array", "maxItems": \#(MeetingDraft.maximumGuests), "items": { "type": "string", "format": "email", "maxLength": 254 } }
        """#
    }

    static let meetingSchemas = #"""
    "MeetingInput": {
      "type": "object", "additionalProperties": false, "required": ["project_id", "title", "starts_at", "time_zone"],
      "properties": { "project_id": { "type": "integer", "minimum": 1 }, \#(meetingFields(required: true)) }
    },
    "MeetingChange": {
      "type": "object", "additionalProperties": false,
      "properties": {
        "scope": { "type": "string", "enum": [\#(quoted(MeetingChangeScope.allCases.map(\.rawValue)))] },
        "occurrence": { "type": "string", "format": "date-time", "description": "With this or following: the occurrence's start as the series put it" },
        \#(meetingFields(required: false))
      }
    },
    "Meeting": {
      "type": "object",
      "required": ["id", "project_id", "uid", "title", "agenda", "starts_at", "time_zone", "duration_minutes", "status", "sequence", "is_organizer", "participants",
                   "your_response", "your_reminders", "occurrences", "cancelled_occurrences", "created_at", "updated_at"],
      "properties": {
        "id": { "type": "integer" }, "project_id": { "type": "integer" }, "uid": { "type": "string" }, "title": { "type": "string" }, "agenda": { "type": "string" },
        "starts_at": { "type": "string", "format": "date-time" }, "time_zone": { "type": "string" }, "duration_minutes": { "type": "integer" },
        "recurrence": { "type": "string" }, "status": { "type": "string", "enum": [\#(quoted(MeetingStatus.allCases.map(\.rawValue)))] },
        "sequence": { "type": "integer" }, "is_organizer": { "type": "boolean" }, "split_from": { "type": "integer" },
        "your_response": { "type": "string" }, "your_reminders": { "type": "array", "items": { "type": "integer" } },
        "participants": { "type": "array", "items": { "type": "object", "required": ["id", "name", "email", "role", "response", "is_you"], "properties": {
          "id": { "type": "integer" }, "user_id": { "type": "integer" }, "name": { "type": "string" }, "email": { "type": "string" },
          "role": { "type": "string", "enum": [\#(quoted(MeetingRole.allCases.map(\.rawValue)))] },
          "response": { "type": "string", "enum": [\#(quoted(ParticipationStatus.allCases.map(\.name)))] }, "is_you": { "type": "boolean" } } } },
        "occurrences": { "type": "array", "items": { "type": "object", "required": ["original_start", "starts_at", "ends_at", "moved", "join_opens_at"], "properties": {
          "original_start": { "type": "string", "format": "date-time" }, "starts_at": { "type": "string", "format": "date-time" },
          "ends_at": { "type": "string", "format": "date-time" }, "moved": { "type": "boolean" }, "join_opens_at": { "type": "string", "format": "date-time" } } } },
        "cancelled_occurrences": { "type": "array", "items": { "type": "string", "format": "date-time" } },
        "created_at": { "type": "string", "format": "date-time" }, "updated_at": { "type": "string", "format": "date-time" }
      }
    },
    """#
}
