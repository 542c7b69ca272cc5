// The bundle the test worker runs until the product's worker has the digest workflow.
export { deadlineDigest } from '../../../../workflows/deadline-digest';
