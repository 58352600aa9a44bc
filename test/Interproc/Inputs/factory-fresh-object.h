// A C API over heap nodes, as yoga's YGNodeNew / YGNodeFreeRecursive.
typedef struct Opaque *NodeRef;
NodeRef NodeNew();
void NodeSetContext(NodeRef n, void *c);
void NodeInsertChild(NodeRef n, NodeRef child);
void NodeFree(NodeRef n);
void NodeFreeRecursive(NodeRef n);
// Makes a node and also keeps it in a registry of all nodes.
NodeRef NodeNewRegistered();
// The shared default node, or a new one.
NodeRef NodeNewOrDefault(bool fresh);
