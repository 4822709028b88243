CREATE TABLE "survey_response_tags" (
	"tag" text collate "C" NOT NULL,
	"response_id" text collate "C" NOT NULL,
	CONSTRAINT "survey_response_tags_tag_response_id_pk" PRIMARY KEY("tag","response_id")
);
--> statement-breakpoint
ALTER TABLE "survey_responses" ADD COLUMN "assignee_id" bigint;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD COLUMN "group_id" bigint;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD COLUMN "brand_id" bigint;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD COLUMN "tags" text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE "survey_response_tags" ADD CONSTRAINT "survey_response_tags_response_id_survey_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."survey_responses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "survey_responses_assignee_idx" ON "survey_responses" USING btree ("assignee_id","id") WHERE "survey_responses"."assignee_id" is not null;--> statement-breakpoint
CREATE INDEX "survey_responses_group_idx" ON "survey_responses" USING btree ("group_id","id") WHERE "survey_responses"."group_id" is not null;--> statement-breakpoint
CREATE INDEX "survey_responses_brand_idx" ON "survey_responses" USING btree ("brand_id","id") WHERE "survey_responses"."brand_id" is not null;--> statement-breakpoint
CREATE INDEX "survey_responses_updated_idx" ON "survey_responses" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "survey_responses_unanswered_idx" ON "survey_responses" USING btree ("id","expires_at") WHERE "survey_responses"."answered_at" is null;